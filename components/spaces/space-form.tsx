'use client';

import { useTranslations } from 'next-intl';
import { FormMessage, fieldHelpers } from '@/components/ui/form-status';
import { useFormAction } from '@/components/ui/use-form-action';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import type { ActionState } from '@/lib/http/authed-action';
import type { PersonOption } from '@/lib/org/people';
import type { DepartmentOption } from '@/lib/org/queries';
import { SPACE_ADMINS_MAX, SPACE_COLORS, SPACE_NAME_MAX } from '@/lib/spaces/rules';
import { coverColorClass } from './cover-color';
import { DepartmentChecklist } from './department-checklist';
import { PeoplePicker } from './people-picker';

export interface SpaceFormDefaults {
  name: string;
  goal: string;
  description: string;
  startDate: string;
  endDate: string;
  coverColor: string;
  departmentIds: string[];
  adminIds: string[];
}

interface SpaceFormProps {
  action: (state: ActionState<void>, formData: FormData) => Promise<ActionState<void>>;
  departments: DepartmentOption[];
  defaults: SpaceFormDefaults;
  /** Creating: the admin and member pickers and the template; editing: the space's id. */
  create?: { people: PersonOption[]; templateKey: string | null };
  spaceId?: string;
  submitLabel: string;
}

/** The space's basic information (基础信息): used to create a space and to edit its settings. */
export function SpaceForm({ action, departments, defaults, create, spaceId, submitLabel }: SpaceFormProps) {
  const t = useTranslations('spaces');
  const common = useTranslations('common');
  // Keeps the ticked departments and chosen people when the server refuses.
  const { state, onSubmit, pending } = useFormAction(action);
  const { errors } = fieldHelpers(state);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" data-testid="space-form">
      <FormMessage state={state} />
      {spaceId && <input type="hidden" name="spaceId" value={spaceId} />}
      {create?.templateKey && <input type="hidden" name="templateKey" value={create.templateKey} />}
      <TextField name="name" label={t('name')} defaultValue={defaults.name} required maxLength={SPACE_NAME_MAX} placeholder={t('namePlaceholder')} errors={errors('name')} />
      <TextareaField name="goal" label={t('goal')} defaultValue={defaults.goal} required maxLength={2000} placeholder={t('goalPlaceholder')} errors={errors('goal')} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="startDate" type="date" label={t('startDate')} defaultValue={defaults.startDate} required errors={errors('startDate')} />
        <TextField name="endDate" type="date" label={t('endDate')} defaultValue={defaults.endDate} required errors={errors('endDate')} />
      </div>
      <DepartmentChecklist name="departmentIds" legend={t('departments')} departments={departments} defaultSelected={defaults.departmentIds} errors={errors('departmentIds')} />
      {create && (
        <>
          <PeoplePicker name="adminIds" label={t('admins', { max: SPACE_ADMINS_MAX })} people={create.people} defaultSelected={defaults.adminIds} max={SPACE_ADMINS_MAX} errors={errors('adminIds')} />
          <PeoplePicker name="memberIds" label={t('initialMembers')} people={create.people} errors={errors('memberIds')} />
        </>
      )}
      <TextareaField name="description" label={t('description')} defaultValue={defaults.description} maxLength={5000} errors={errors('description')} />
      <fieldset>
        <legend className="mb-1 block text-sm font-medium text-slate-700">{t('coverColor')}</legend>
        <div className="flex flex-wrap gap-2">
          {SPACE_COLORS.map((color) => (
            <label key={color} className="cursor-pointer">
              <input type="radio" name="coverColor" value={color} defaultChecked={defaults.coverColor === color} className="peer sr-only" />
              <span className={`block size-9 rounded-full ring-offset-2 peer-checked:ring-2 peer-checked:ring-slate-900 peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600 ${coverColorClass(color)}`} />
              <span className="sr-only">{t(`colors.${color}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <Button type="submit" disabled={pending}>{pending ? common('saving') : submitLabel}</Button>
    </form>
  );
}
