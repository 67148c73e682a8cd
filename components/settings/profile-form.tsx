'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SubmitButton, fieldHelpers } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import type { ActionState } from '@/lib/http/authed-action';
import type { DepartmentOption } from '@/lib/org/queries';
import { DepartmentOptions } from '@/components/org/department-options';

interface ProfileFormProps {
  action: (state: ActionState<void>, formData: FormData) => Promise<ActionState<void>>;
  departments: DepartmentOption[];
  profile: { name: string; email: string; departmentId: string | null; title: string | null; phone: string | null };
  submitLabel: string;
}

/** Name, department, title and contact: the first-sign-in form and the settings section. */
export function ProfileForm({ action, departments, profile, submitLabel }: ProfileFormProps) {
  const t = useTranslations();
  const [state, formAction] = useActionState(action, null);
  const { errors, value } = fieldHelpers(state);
  // Re-mount the fields after each answer so defaults show what was saved or what was typed.
  const version = JSON.stringify(state);
  return (
    <form action={formAction} noValidate className="space-y-4" key={version}>
      <FormMessage state={state} />
      <TextField name="email" label={t('profile.email')} defaultValue={profile.email} readOnly disabled />
      <TextField name="name" label={t('profile.name')} defaultValue={value('name', profile.name)} required maxLength={60} autoComplete="name" errors={errors('name')} />
      {departments.length > 0 ? (
        <SelectField name="departmentId" label={t('profile.department')} defaultValue={value('departmentId', profile.departmentId)} required errors={errors('departmentId')}>
          <option value="">{t('profile.chooseDepartment')}</option>
          <DepartmentOptions departments={departments} />
        </SelectField>
      ) : (
        <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="no-departments">
          {t('profile.noDepartmentsYet')}
        </p>
      )}
      <TextField name="title" label={t('profile.title')} defaultValue={value('title', profile.title)} maxLength={60} autoComplete="organization-title" errors={errors('title')} />
      <TextField name="phone" type="tel" label={t('profile.phone')} defaultValue={value('phone', profile.phone)} required autoComplete="tel" inputMode="tel" errors={errors('phone')} />
      <SubmitButton pendingLabel={t('common.saving')}>{submitLabel}</SubmitButton>
    </form>
  );
}
