'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { FormMessage, fieldHelpers } from '@/components/ui/form-status';
import { useFormAction } from '@/components/ui/use-form-action';
import { SelectField } from '@/components/ui/select-field';
import type { ActionState } from '@/lib/http/authed-action';
import type { PersonOption } from '@/lib/org/people';
import type { DepartmentOption } from '@/lib/org/queries';
import { DepartmentChecklist } from './department-checklist';
import { PeoplePicker } from './people-picker';

interface AddMembersFormProps {
  action: (state: ActionState<number>, formData: FormData) => Promise<ActionState<number>>;
  spaceId: string;
  departments: DepartmentOption[];
  people: PersonOption[];
  memberIds: string[];
}

/** Invite whole departments from the tree and/or people found by search, with one role. */
export function AddMembersForm({ action, spaceId, departments, people, memberIds }: AddMembersFormProps) {
  const t = useTranslations('spaces');
  const { state, onSubmit, pending } = useFormAction(action);
  const { errors } = fieldHelpers(state);
  // After a success the pickers start empty again (their state lives in the re-mounted children).
  const round = state?.ok ? JSON.stringify(state) : 'editing';
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="add-members-form">
      {state?.ok ? (
        <p role="status" data-testid="form-success" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          {t('membersAdded', { count: state.data })}
        </p>
      ) : (
        <FormMessage state={state} />
      )}
      <input type="hidden" name="spaceId" value={spaceId} />
      <div key={round} className="grid gap-4 md:grid-cols-2">
        <DepartmentChecklist name="departmentIds" legend={t('inviteDepartments')} departments={departments} errors={errors('departmentIds')} />
        <PeoplePicker name="userIds" label={t('invitePeople')} people={people} exclude={memberIds} errors={errors('userIds')} />
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <SelectField name="role" label={t('role')} defaultValue="participant" errors={errors('role')} className="w-48">
          <option value="owner">{t('roles.owner')}</option>
          <option value="participant">{t('roles.participant')}</option>
          <option value="observer">{t('roles.observer')}</option>
        </SelectField>
        <Button type="submit" disabled={pending}>{pending ? t('inviting') : t('invite')}</Button>
      </div>
    </form>
  );
}
