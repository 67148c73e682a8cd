'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { PeoplePicker } from '@/components/spaces/people-picker';
import { Button } from '@/components/ui/button';
import { FormMessage, fieldHelpers } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ActionState } from '@/lib/http/authed-action';
import { ACTION_ITEM_HELPERS_MAX, ACTION_ITEM_TITLE_MAX } from '@/lib/meetings/rules';
import type { PersonOption } from '@/lib/org/people';
import { TASK_PRIORITIES } from '@/lib/tasks/rules';

export interface ActionItemDefaults {
  title: string;
  ownerId: string;
  helperIds: string[];
  dueDate: string;
  priority: string;
}

interface ActionItemFormProps {
  meetingId: string;
  action: (state: ActionState<void>, formData: FormData) => Promise<ActionState<void>>;
  /** The space's members: owner and helpers are chosen among them. */
  members: Omit<PersonOption, 'departmentId'>[];
  defaults: ActionItemDefaults;
  /** Editing: the item's id; the form saves it and then `onDone` closes it. */
  itemId?: string;
  onDone?: () => void;
}

/** An action item's fields: what, one owner, helpers, due date and priority; adds one or edits one. */
export function ActionItemForm({ meetingId, action, members, defaults, itemId, onDone }: ActionItemFormProps) {
  const t = useTranslations('meetings');
  const tasks = useTranslations('tasks');
  const common = useTranslations('common');
  const { state, onSubmit, pending } = useFormAction(action);
  const { errors, value } = fieldHelpers(state);
  // Fresh fields (the people picker keeps its own state) once an item is added: a new key per success.
  const [round, setRound] = useState({ state, n: 0 });
  if (round.state !== state) setRound({ state, n: state?.ok ? round.n + 1 : round.n });
  useEffect(() => {
    if (state?.ok) onDone?.();
  }, [state, onDone]);
  const editing = Boolean(itemId);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-md border border-slate-200 p-3" data-testid={editing ? 'action-item-edit-form' : 'action-item-form'}>
      {state && !state.ok && <FormMessage state={state} />}
      <input type="hidden" name="meetingId" value={meetingId} />
      {itemId && <input type="hidden" name="itemId" value={itemId} />}
      <div key={round.n} className="space-y-3">
        <TextField name="title" label={t('actionTitle')} defaultValue={value('title', defaults.title)} maxLength={ACTION_ITEM_TITLE_MAX} required errors={errors('title')} />
        <div className="grid gap-3 sm:grid-cols-3">
          <SelectField name="ownerId" label={t('owner')} defaultValue={value('ownerId', defaults.ownerId)} required errors={errors('ownerId')}>
            <option value="">{t('chooseOwner')}</option>
            {members.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
          </SelectField>
          <TextField name="dueDate" type="date" label={t('dueDate')} defaultValue={value('dueDate', defaults.dueDate)} required errors={errors('dueDate')} />
          <SelectField name="priority" label={t('priority')} defaultValue={value('priority', defaults.priority)} errors={errors('priority')}>
            {TASK_PRIORITIES.map((p) => <option key={p} value={p}>{tasks(`priorities.${p}`)}</option>)}
          </SelectField>
        </div>
        <PeoplePicker name="helperIds" label={t('helpers')} people={members} defaultSelected={defaults.helperIds} max={ACTION_ITEM_HELPERS_MAX} errors={errors('helperIds')} />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant={editing ? 'primary' : 'secondary'} disabled={pending}>
          {pending ? common('saving') : editing ? t('saveActionItem') : t('addActionItem')}
        </Button>
        {onDone && <Button variant="ghost" onClick={onDone}>{common('cancel')}</Button>}
      </div>
    </form>
  );
}
