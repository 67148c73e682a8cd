'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { OneTimeValue } from '@/components/ui/one-time-value';
import { FormMessage, SubmitButton, fieldHelpers } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import type { ActionState } from '@/lib/http/authed-action';
import type { DepartmentOption } from '@/lib/org/queries';
import { DepartmentOptions } from '@/components/org/department-options';

interface InviteFormProps {
  action: (state: ActionState<{ path: string }>, formData: FormData) => Promise<ActionState<{ path: string }>>;
  departments: DepartmentOption[];
}

/** Invite a colleague: creates their account and shows a one-time link to hand over. */
export function InviteForm({ action, departments }: InviteFormProps) {
  const t = useTranslations();
  const [state, formAction] = useActionState(action, null);
  const { errors, value } = fieldHelpers(state);
  return (
    <div className="space-y-3">
      {state?.ok && (
        <OneTimeValue
          testId="invite-link"
          message={t('admin.inviteCreated')}
          label={t('admin.inviteLink')}
          value={`${window.location.origin}${state.data.path}`}
        />
      )}
      <form action={formAction} noValidate className="space-y-3" key={JSON.stringify(state)}>
        {state && !state.ok && <FormMessage state={state} />}
        <div className="grid gap-3 sm:grid-cols-3">
          <TextField name="email" type="email" label={t('profile.email')} defaultValue={value('email')} errors={errors('email')} />
          <TextField name="name" label={t('profile.name')} defaultValue={value('name')} maxLength={60} errors={errors('name')} />
          <SelectField name="departmentId" label={t('profile.department')} defaultValue={value('departmentId')} errors={errors('departmentId')}>
            <option value="">{t('admin.noDepartment')}</option>
            <DepartmentOptions departments={departments} />
          </SelectField>
        </div>
        <SubmitButton pendingLabel={t('common.saving')}>{t('admin.invite')}</SubmitButton>
      </form>
    </div>
  );
}
