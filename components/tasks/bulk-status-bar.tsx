'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { FormMessage, fieldHelpers } from '@/components/ui/form-status';
import { useFormAction } from '@/components/ui/use-form-action';
import { bulkTaskStatusAction } from '@/lib/tasks/actions';
import { TASK_STATUSES } from '@/lib/tasks/rules';

export const BULK_FORM_ID = 'bulk-task-status';

/**
 * Changes the status of the ticked rows at once. The row checkboxes sit in the table and join this
 * form through their `form` attribute, so the rows keep their own inline-edit forms.
 */
export function BulkStatusBar({ spaceId }: { spaceId: string }) {
  const t = useTranslations('tasks');
  const { state, onSubmit, pending } = useFormAction(bulkTaskStatusAction);
  const { errors } = fieldHelpers(state);
  const problems = [...(errors('taskIds') ?? []), ...(errors('status') ?? []), ...(errors('resolution') ?? [])];
  return (
    <form id={BULK_FORM_ID} onSubmit={onSubmit} className="flex flex-wrap items-center gap-2 text-sm" data-testid="bulk-status">
      <input type="hidden" name="spaceId" value={spaceId} />
      <span className="text-slate-700">{t('bulkLabel')}</span>
      <select name="status" aria-label={t('bulkStatus')} className="min-h-9 rounded-md border border-slate-300 bg-white px-2">
        {TASK_STATUSES.filter((s) => s !== 'blocked').map((s) => <option key={s} value={s}>{t(`statuses.${s}`)}</option>)}
      </select>
      <label className="flex items-center gap-1 text-slate-700">
        <input type="checkbox" name="keepIssueOpen" value="true" className="size-4" />
        {t('keepIssueOpenShort')}
      </label>
      <Button type="submit" variant="secondary" disabled={pending} className="min-h-9">{t('bulkApply')}</Button>
      <FormMessage state={state} />
      {problems.length > 0 && <span role="status" className="text-red-700">{problems.join(' ')}</span>}
    </form>
  );
}
