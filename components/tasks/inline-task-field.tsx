'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { updateTaskAction } from '@/lib/tasks/actions';
import { TASK_PRIORITIES, TASK_STATUSES, type TaskPriority, type TaskStatus } from '@/lib/tasks/rules';

type InlineField =
  | { field: 'status'; value: TaskStatus }
  | { field: 'priority'; value: TaskPriority }
  | { field: 'dueDate'; value: string };

type InlineTaskFieldProps = InlineField & { spaceId: string; taskId: string; taskLabel: string };

const control = 'min-h-9 rounded border border-transparent bg-transparent px-1 text-sm hover:border-slate-300 focus:border-brand-600 focus:outline-none disabled:opacity-50';

/**
 * One cell of the task list edited in place: saved as soon as it changes. Blocking needs an
 * issue entry, so 阻塞 is chosen on the task's page, not here.
 */
export function InlineTaskField({ spaceId, taskId, taskLabel, ...props }: InlineTaskFieldProps) {
  const t = useTranslations('tasks');
  const [state, formAction, pending] = useActionState(updateTaskAction, null);
  const submit = (event: { currentTarget: { form: HTMLFormElement | null } }) => event.currentTarget.form?.requestSubmit();
  const label = t(`inline.${props.field}`, { task: taskLabel });
  return (
    <form action={formAction} className="inline-flex flex-col">
      <input type="hidden" name="spaceId" value={spaceId} />
      <input type="hidden" name="taskId" value={taskId} />
      {props.field === 'status' && (
        <select name="status" defaultValue={props.value} onChange={submit} disabled={pending} aria-label={label} className={control}>
          {TASK_STATUSES.filter((s) => s !== 'blocked').map((s) => <option key={s} value={s}>{t(`statuses.${s}`)}</option>)}
        </select>
      )}
      {props.field === 'priority' && (
        <select name="priority" defaultValue={props.value} onChange={submit} disabled={pending} aria-label={label} className={control}>
          {TASK_PRIORITIES.map((p) => <option key={p} value={p}>{t(`priorities.${p}`)}</option>)}
        </select>
      )}
      {props.field === 'dueDate' && (
        <input type="date" name="dueDate" defaultValue={props.value} onChange={submit} required disabled={pending} aria-label={label} className={control} />
      )}
      {state && !state.ok && (
        <span role="status" className="max-w-48 text-xs text-red-700">{Object.values(state.fieldErrors).flat()[0] ?? state.message}</span>
      )}
    </form>
  );
}
