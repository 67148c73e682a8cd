import { useTranslations } from 'next-intl';
import type { fieldHelpers } from '@/components/ui/form-status';
import { TextareaField } from '@/components/ui/textarea-field';
import { TASK_TEXT_MAX } from '@/lib/tasks/rules';

type IssueFieldsProps = Pick<ReturnType<typeof fieldHelpers>, 'errors' | 'value'>;

/** The issue-tracking entry (问题跟踪) a blocked task needs: why, and what is proposed. */
export function IssueFields({ errors, value }: IssueFieldsProps) {
  const t = useTranslations('tasks');
  return (
    <fieldset className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3" data-testid="issue-fields">
      <legend className="px-1 text-sm font-medium text-amber-900">{t('issueLegend')}</legend>
      <TextareaField name="issue.reason" label={t('issueReason')} defaultValue={value('issue.reason')} placeholder={t('issueReasonPlaceholder')} required maxLength={TASK_TEXT_MAX} rows={2} errors={errors('issue.reason')} />
      <TextareaField name="issue.proposedSolution" label={t('issueSolution')} defaultValue={value('issue.proposedSolution')} placeholder={t('issueSolutionPlaceholder')} required maxLength={TASK_TEXT_MAX} rows={2} errors={errors('issue.proposedSolution')} />
    </fieldset>
  );
}
