'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SubmitButton, fieldHelpers } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import type { ActionState } from '@/lib/http/authed-action';

interface SaveTemplateFormProps {
  action: (state: ActionState<void>, formData: FormData) => Promise<ActionState<void>>;
  spaceId: string;
  defaultName: string;
}

export function SaveTemplateForm({ action, spaceId, defaultName }: SaveTemplateFormProps) {
  const t = useTranslations();
  const [state, formAction] = useActionState(action, null);
  const { errors, value } = fieldHelpers(state);
  return (
    <form action={formAction} noValidate className="space-y-3" key={JSON.stringify(state)}>
      <FormMessage state={state} />
      <input type="hidden" name="spaceId" value={spaceId} />
      <TextField name="name" label={t('spaces.templateName')} defaultValue={value('name', defaultName)} required maxLength={100} errors={errors('name')} />
      <TextField name="description" label={t('spaces.templateDescription')} defaultValue={value('description')} maxLength={500} errors={errors('description')} />
      <SubmitButton pendingLabel={t('common.saving')}>{t('spaces.saveAsTemplate')}</SubmitButton>
    </form>
  );
}
