'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SubmitButton, fieldHelpers } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import type { ActionState } from '@/lib/http/authed-action';
import type { DepartmentOption } from '@/lib/org/queries';
import { DepartmentOptions } from '@/components/org/department-options';

interface DepartmentCreateFormProps {
  action: (state: ActionState<void>, formData: FormData) => Promise<ActionState<void>>;
  departments: DepartmentOption[];
}

export function DepartmentCreateForm({ action, departments }: DepartmentCreateFormProps) {
  const t = useTranslations();
  const [state, formAction] = useActionState(action, null);
  const { errors, value } = fieldHelpers(state);
  return (
    <form action={formAction} noValidate className="space-y-3" key={JSON.stringify(state)}>
      <FormMessage state={state} />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <TextField name="name" label={t('admin.departmentName')} defaultValue={value('name')} maxLength={60} errors={errors('name')} className="flex-1" />
        <SelectField name="parentId" label={t('admin.parent')} defaultValue={value('parentId')} errors={errors('parentId')} className="sm:w-56">
          <option value="">{t('admin.topLevel')}</option>
          <DepartmentOptions departments={departments} />
        </SelectField>
        <SubmitButton pendingLabel={t('common.saving')}>{t('admin.addDepartment')}</SubmitButton>
      </div>
    </form>
  );
}
