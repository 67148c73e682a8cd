'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import type { ActionState } from '@/lib/http/authed-action';

interface ImprovementTaskFormProps {
  spaceId: string;
  improvementId: string;
  action: (state: ActionState<number>, formData: FormData) => Promise<ActionState<number>>;
  members: { id: string; name: string }[];
  defaultAssigneeId: string;
  defaultDueDate: string;
}

const control = 'min-h-10 rounded-md border border-slate-300 bg-white px-2 text-sm';

/** 转为任务: an assignee and a due date, and the improvement becomes a task of the space. */
export function ImprovementTaskForm({ spaceId, improvementId, action, members, defaultAssigneeId, defaultDueDate }: ImprovementTaskFormProps) {
  const t = useTranslations('retro');
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState(action, null);
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="min-h-9 rounded-md px-2 text-sm font-medium text-brand-700 hover:bg-brand-50" data-testid="to-task-open">
        {t('toTask')}
      </button>
    );
  }
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2 rounded-md bg-slate-50 p-2" aria-label={t('toTaskTitle')}>
      <input type="hidden" name="spaceId" value={spaceId} />
      <input type="hidden" name="improvementId" value={improvementId} />
      <label className="text-sm text-slate-700">
        <span className="mb-1 block">{t('assignee')}</span>
        <select name="assigneeId" defaultValue={defaultAssigneeId} className={control}>
          {members.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
        </select>
      </label>
      <label className="text-sm text-slate-700">
        <span className="mb-1 block">{t('dueDate')}</span>
        <input type="date" name="dueDate" required defaultValue={defaultDueDate} className={control} />
      </label>
      <button type="submit" disabled={pending} className="min-h-10 rounded-md bg-brand-600 px-3 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50">
        {t('createTask')}
      </button>
      {state && !state.ok && (
        <p role="status" className="w-full text-sm text-red-700">{[state.message, ...Object.values(errors).flat()].join(' ')}</p>
      )}
    </form>
  );
}
