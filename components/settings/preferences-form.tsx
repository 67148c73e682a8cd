'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SubmitButton, fieldHelpers } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { locales } from '@/lib/i18n/config';
import type { ActionState } from '@/lib/http/authed-action';
import { notificationPreferences } from '@/lib/org/schema';

interface PreferencesFormProps {
  action: (state: ActionState<void>, formData: FormData) => Promise<ActionState<void>>;
  preferences: { locale: string; timeZone: string; notificationPreference: string };
  timeZones: string[];
}

export function PreferencesForm({ action, preferences, timeZones }: PreferencesFormProps) {
  const t = useTranslations();
  const [state, formAction] = useActionState(action, null);
  const { errors, value } = fieldHelpers(state);
  const chosen = value('notificationPreference', preferences.notificationPreference);
  return (
    <form action={formAction} noValidate className="space-y-4" key={JSON.stringify(state)}>
      <FormMessage state={state} />
      <SelectField name="locale" label={t('language.label')} defaultValue={value('locale', preferences.locale)} errors={errors('locale')}>
        {locales.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(`language.${locale}`)}
          </option>
        ))}
      </SelectField>
      <SelectField name="timeZone" label={t('settings.timeZone')} defaultValue={value('timeZone', preferences.timeZone)} errors={errors('timeZone')}>
        {timeZones.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </SelectField>
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">{t('settings.notifications')}</legend>
        <div className="space-y-2">
          {notificationPreferences.map((option) => (
            <label key={option} className="flex cursor-pointer items-start gap-3 rounded-md border border-slate-200 p-3 has-checked:border-brand-600 has-checked:bg-brand-50">
              <input type="radio" name="notificationPreference" value={option} defaultChecked={chosen === option} className="mt-1 size-4 accent-brand-600" />
              <span>
                <span className="block text-sm font-medium text-slate-900">{t(`settings.notify.${option}`)}</span>
                <span className="block text-sm text-slate-600">{t(`settings.notify.${option}Hint`)}</span>
              </span>
            </label>
          ))}
        </div>
        {errors('notificationPreference') && <p className="mt-1 text-sm text-red-700">{errors('notificationPreference')!.join(' ')}</p>}
      </fieldset>
      <SubmitButton pendingLabel={t('common.saving')}>{t('common.save')}</SubmitButton>
    </form>
  );
}
