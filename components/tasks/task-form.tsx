'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { DepartmentOptions } from '@/components/org/department-options';
import { RichTextEditor } from '@/components/rich-text/rich-text-editor';
import { PeoplePicker } from '@/components/spaces/people-picker';
import { Button } from '@/components/ui/button';
import { FormMessage, fieldHelpers } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ActionState } from '@/lib/http/authed-action';
import type { PersonOption } from '@/lib/org/people';
import type { DepartmentOption } from '@/lib/org/queries';
import { TASK_HELPERS_MAX, TASK_NAME_MAX, TASK_PRIORITIES, TASK_STATUSES, TASK_TEXT_MAX } from '@/lib/tasks/rules';
import { IssueFields } from './issue-fields';

export interface TaskFormDefaults {
  name: string;
  description: unknown;
  deliveryStandard: unknown;
  priority: string;
  startDate: string;
  dueDate: string;
  assigneeId: string;
  helperIds: string[];
  departmentId: string;
  deliverable: string;
  notes: string;
  dependsOnNumbers: string;
  parentNumber: string;
  milestoneId: string;
  isMilestone: boolean;
}

interface TaskFormProps {
  action: (state: ActionState<void>, formData: FormData) => Promise<ActionState<void>>;
  spaceId: string;
  /** Editing: the task's id (status changes happen on the task page, not here). */
  taskId?: string;
  members: PersonOption[];
  departments: DepartmentOption[];
  /** Rows of the progress table a task can count towards. */
  milestones: { id: string; name: string }[];
  defaults: TaskFormDefaults;
  submitLabel: string;
  /** Creating from a chat message: the task links back to it. */
  sourceMessageId?: string;
}

/** A task's fields: used to create a task and to edit one. */
export function TaskForm({ action, spaceId, taskId, members, departments, milestones, defaults, submitLabel, sourceMessageId }: TaskFormProps) {
  const t = useTranslations('tasks');
  const common = useTranslations('common');
  const { state, onSubmit, pending } = useFormAction(action);
  const { errors, value } = fieldHelpers(state);
  const [status, setStatus] = useState('todo');
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" data-testid="task-form">
      <FormMessage state={state} />
      <input type="hidden" name="spaceId" value={spaceId} />
      {taskId && <input type="hidden" name="taskId" value={taskId} />}
      {sourceMessageId && <input type="hidden" name="sourceMessageId" value={sourceMessageId} />}
      <TextField name="name" label={t('name')} defaultValue={value('name', defaults.name)} required maxLength={TASK_NAME_MAX} placeholder={t('namePlaceholder')} errors={errors('name')} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="assigneeId" label={t('assignee')} defaultValue={value('assigneeId', defaults.assigneeId)} required errors={errors('assigneeId')}>
          <option value="">{t('chooseAssignee')}</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>{m.departmentName ? `${m.name}（${m.departmentName}）` : m.name}</option>
          ))}
        </SelectField>
        <SelectField name="departmentId" label={t('department')} defaultValue={value('departmentId', defaults.departmentId)} errors={errors('departmentId')}>
          <option value="">{t('departmentOfAssignee')}</option>
          <DepartmentOptions departments={departments} />
        </SelectField>
      </div>
      <PeoplePicker name="helperIds" label={t('helpers')} people={members} defaultSelected={defaults.helperIds} max={TASK_HELPERS_MAX} errors={errors('helperIds')} />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField name="priority" label={t('priority')} defaultValue={value('priority', defaults.priority)} errors={errors('priority')}>
          {TASK_PRIORITIES.map((p) => <option key={p} value={p}>{t(`priorities.${p}`)}</option>)}
        </SelectField>
        <TextField name="startDate" type="date" label={t('startDate')} defaultValue={value('startDate', defaults.startDate)} errors={errors('startDate')} />
        <TextField name="dueDate" type="date" label={t('dueDate')} defaultValue={value('dueDate', defaults.dueDate)} required errors={errors('dueDate')} />
      </div>
      {!taskId && (
        <SelectField name="status" label={t('status')} value={status} onChange={(e) => setStatus(e.target.value)} errors={errors('status')}>
          {TASK_STATUSES.map((s) => <option key={s} value={s}>{t(`statuses.${s}`)}</option>)}
        </SelectField>
      )}
      {status === 'blocked' && <IssueFields errors={errors} value={value} />}
      <RichTextEditor name="description" label={t('description')} defaultValue={value('description') || defaults.description} errors={errors('description')} />
      <RichTextEditor name="deliveryStandard" label={t('deliveryStandard')} defaultValue={value('deliveryStandard') || defaults.deliveryStandard} errors={errors('deliveryStandard')} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextareaField name="deliverable" label={t('deliverable')} defaultValue={value('deliverable', defaults.deliverable)} maxLength={TASK_TEXT_MAX} rows={2} errors={errors('deliverable')} />
        <TextareaField name="notes" label={t('notes')} defaultValue={value('notes', defaults.notes)} maxLength={TASK_TEXT_MAX} rows={2} errors={errors('notes')} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="dependsOnNumbers" label={t('dependsOn')} defaultValue={value('dependsOnNumbers', defaults.dependsOnNumbers)} placeholder={t('dependsOnPlaceholder')} inputMode="numeric" errors={errors('dependsOnIds')} />
        <TextField name="parentNumber" label={t('parent')} defaultValue={value('parentNumber', defaults.parentNumber)} placeholder={t('parentPlaceholder')} inputMode="numeric" errors={errors('parentId')} />
      </div>
      {milestones.length > 0 && (
        <SelectField name="milestoneId" label={t('milestoneLink')} defaultValue={value('milestoneId', defaults.milestoneId)} errors={errors('milestoneId')}>
          <option value="">{t('noMilestone')}</option>
          {milestones.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
        </SelectField>
      )}
      <label className="flex min-h-11 items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" name="isMilestone" value="true" defaultChecked={defaults.isMilestone} className="size-5 rounded border-slate-300" />
        {t('isMilestone')}
      </label>
      <Button type="submit" disabled={pending}>{pending ? common('saving') : submitLabel}</Button>
    </form>
  );
}
