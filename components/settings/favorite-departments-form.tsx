'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SubmitButton, fieldHelpers } from '@/components/ui/form-status';
import type { ActionState } from '@/lib/http/authed-action';
import type { DepartmentOption } from '@/lib/org/queries';

interface FavoriteDepartmentsFormProps {
  action: (state: ActionState<void>, formData: FormData) => Promise<ActionState<void>>;
  departments: DepartmentOption[];
  selected: string[];
}

/** 常用部门: tick the departments to pin in the navigation. */
export function FavoriteDepartmentsForm({ action, departments, selected }: FavoriteDepartmentsFormProps) {
  const t = useTranslations();
  const [state, formAction] = useActionState(action, null);
  const { errors } = fieldHelpers(state);
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage state={state} />
      <fieldset>
        <legend className="sr-only">{t('settings.favorites')}</legend>
        <ul className="gap-4 sm:columns-2">
          {departments.map((d) => (
            <li key={d.id} className="break-inside-avoid" style={{ paddingInlineStart: `${d.depth * 1.25}rem` }}>
              <label className="flex min-h-10 cursor-pointer items-center gap-2 rounded-md px-2 text-sm text-slate-800 hover:bg-slate-50">
                <input type="checkbox" name="departmentIds" value={d.id} defaultChecked={selected.includes(d.id)} className="size-4 accent-brand-600" />
                {d.name}
              </label>
            </li>
          ))}
        </ul>
        {errors('departmentIds') && <p className="mt-1 text-sm text-red-700">{errors('departmentIds')!.join(' ')}</p>}
      </fieldset>
      <SubmitButton pendingLabel={t('common.saving')}>{t('common.save')}</SubmitButton>
    </form>
  );
}
