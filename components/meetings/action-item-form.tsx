'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage, fieldHelpers } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ActionState } from '@/lib/http/authed-action';
import { ACTION_ITEM_TITLE_MAX } from '@/lib/meetings/rules';
import { TASK_PRIORITIES } from '@/lib/tasks/rules';

interface ActionItemFormProps {
  meetingId: string;
  action: (state: ActionState<void>, formData: FormData) => Promise<ActionState<void>>;
  members: { id: string; name: string }[];
  defaultDueDate: string;
}

/** Adds an action item: what, one owner, due date and priority (helpers are added on the task). */
export function ActionItemForm({ meetingId, action, members, defaultDueDate }: ActionItemFormProps) {
  const t = useTranslations('meetings');
  const tasks = useTranslations('tasks');
  const { state, onSubmit, pending } = useFormAction(action);
  const { errors, value } = fieldHelpers(state);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="space-y-3 rounded-md border border-slate-200 p-3" data-testid="action-item-form">
      {state && !state.ok && <FormMessage state={state} />}
      <input type="hidden" name="meetingId" value={meetingId} />
      <TextField name="title" label={t('actionTitle')} defaultValue={value('title')} maxLength={ACTION_ITEM_TITLE_MAX} required errors={errors('title')} />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField name="ownerId" label={t('owner')} defaultValue={value('ownerId')} required errors={errors('ownerId')}>
          <option value="">{t('chooseOwner')}</option>
          {members.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
        </SelectField>
        <TextField name="dueDate" type="date" label={t('dueDate')} defaultValue={value('dueDate', defaultDueDate)} required errors={errors('dueDate')} />
        <SelectField name="priority" label={t('priority')} defaultValue={value('priority', 'medium')} errors={errors('priority')}>
          {TASK_PRIORITIES.map((p) => <option key={p} value={p}>{tasks(`priorities.${p}`)}</option>)}
        </SelectField>
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>{t('addActionItem')}</Button>
    </form>
  );
}
