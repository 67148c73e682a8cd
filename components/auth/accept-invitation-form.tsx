'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SubmitButton, fieldHelpers } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import type { ActionState } from '@/lib/http/authed-action';

interface AcceptInvitationFormProps {
  action: (state: ActionState<void>, formData: FormData) => Promise<ActionState<void>>;
  token: string;
}

export function AcceptInvitationForm({ action, token }: AcceptInvitationFormProps) {
  const t = useTranslations();
  const [state, formAction] = useActionState(action, null);
  const { errors } = fieldHelpers(state);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <TextField name="password" type="password" label={t('invite.password')} autoComplete="new-password" errors={errors('password')} />
      <TextField name="confirmPassword" type="password" label={t('invite.confirmPassword')} autoComplete="new-password" errors={errors('confirmPassword')} />
      <SubmitButton pendingLabel={t('common.saving')} className="w-full">{t('invite.submit')}</SubmitButton>
    </form>
  );
}
