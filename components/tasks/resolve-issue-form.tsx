'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { FormMessage, fieldHelpers } from '@/components/ui/form-status';
import { TextareaField } from '@/components/ui/textarea-field';
import { useFormAction } from '@/components/ui/use-form-action';
import { resolveTaskIssueAction } from '@/lib/tasks/actions';
import { TASK_TEXT_MAX } from '@/lib/tasks/rules';

/** Records how an open issue entry was resolved. */
export function ResolveIssueForm({ issueId }: { issueId: string }) {
  const t = useTranslations('tasks');
  const common = useTranslations('common');
  const { state, onSubmit, pending } = useFormAction(resolveTaskIssueAction);
  const { errors, value } = fieldHelpers(state);
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-sm font-medium text-brand-700">{t('resolveIssue')}</summary>
      <form onSubmit={onSubmit} className="mt-2 space-y-2" data-testid="resolve-issue-form">
        <FormMessage state={state} />
        <input type="hidden" name="issueId" value={issueId} />
        <TextareaField name="resolution" label={t('resolution')} defaultValue={value('resolution')} required maxLength={TASK_TEXT_MAX} rows={2} errors={errors('resolution')} />
        <Button type="submit" variant="secondary" disabled={pending}>{pending ? common('saving') : t('markResolved')}</Button>
      </form>
    </details>
  );
}
