'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage, fieldHelpers } from '@/components/ui/form-status';
import { TextareaField } from '@/components/ui/textarea-field';
import { useFormAction } from '@/components/ui/use-form-action';
import { updateTaskAction } from '@/lib/tasks/actions';
import { TASK_STATUSES, TASK_TEXT_MAX, type TaskStatus } from '@/lib/tasks/rules';
import { IssueFields } from './issue-fields';
import { statusTone } from './task-badges';

interface TaskStatusControlProps {
  spaceId: string;
  taskId: string;
  status: TaskStatus;
  /** Open issue entries: leaving 阻塞 must say what becomes of them. */
  openIssues: number;
}

/**
 * Changes a task's status. Choosing 阻塞 asks for the issue entry; leaving 阻塞 with open entries
 * asks for the resolution or to keep them open — the same rules the server enforces.
 */
export function TaskStatusControl({ spaceId, taskId, status, openIssues }: TaskStatusControlProps) {
  const t = useTranslations('tasks');
  const common = useTranslations('common');
  const { state, onSubmit, pending } = useFormAction(updateTaskAction);
  const { errors, value } = fieldHelpers(state);
  const [next, setNext] = useState<TaskStatus>(status);
  const [keepOpen, setKeepOpen] = useState(false);
  const needsIssue = next === 'blocked' && (status !== 'blocked' || openIssues === 0);
  const leavingBlocked = status === 'blocked' && next !== 'blocked' && openIssues > 0;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="task-status-control">
      <FormMessage state={state} />
      <input type="hidden" name="spaceId" value={spaceId} />
      <input type="hidden" name="taskId" value={taskId} />
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">{t('status')}</legend>
        <div className="flex flex-wrap gap-2">
          {TASK_STATUSES.map((s) => (
            <label key={s} className="cursor-pointer">
              <input type="radio" name="status" value={s} checked={next === s} onChange={() => setNext(s)} className="peer sr-only" />
              <span className={`inline-flex min-h-10 items-center rounded-full border px-4 text-sm peer-checked:ring-2 peer-checked:ring-brand-600 peer-focus-visible:outline-2 peer-focus-visible:outline-brand-600 ${statusTone[s]}`}>
                {t(`statuses.${s}`)}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {needsIssue && <IssueFields errors={errors} value={value} />}
      {leavingBlocked && (
        <div className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3">
          <p className="text-sm text-slate-700">{t('unblockExplain', { count: openIssues })}</p>
          {!keepOpen && (
            <TextareaField name="resolution" label={t('resolution')} defaultValue={value('resolution')} maxLength={TASK_TEXT_MAX} rows={2} errors={errors('resolution')} />
          )}
          <label className="flex min-h-10 items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" name="keepIssueOpen" value="true" checked={keepOpen} onChange={(e) => setKeepOpen(e.target.checked)} className="size-5" />
            {t('keepIssueOpen')}
          </label>
        </div>
      )}
      {next !== status || needsIssue ? (
        <Button type="submit" disabled={pending}>{pending ? common('saving') : t('changeStatus')}</Button>
      ) : null}
    </form>
  );
}
