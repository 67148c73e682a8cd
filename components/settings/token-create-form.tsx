'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { OneTimeValue } from '@/components/ui/one-time-value';
import { FormMessage, SubmitButton, fieldHelpers } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import type { ActionState } from '@/lib/http/authed-action';

interface TokenCreateFormProps {
  action: (state: ActionState<{ token: string }>, formData: FormData) => Promise<ActionState<{ token: string }>>;
  /** Catalogue section with the form's words (tokenName, createToken, tokenCreated…): SCIM tokens use their own. */
  namespace?: 'settings' | 'scimAdmin';
}

/** Creates a token (personal access or SCIM) and shows it once; it cannot be shown again. */
export function TokenCreateForm({ action, namespace = 'settings' }: TokenCreateFormProps) {
  const t = useTranslations(namespace);
  const tc = useTranslations('common');
  const [state, formAction] = useActionState(action, null);
  const { errors, value } = fieldHelpers(state);
  return (
    <div className="space-y-3">
      {state?.ok && <OneTimeValue testId="new-token" message={t('tokenCreated')} label={t('tokenValue')} value={state.data.token} />}
      <form action={formAction} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-end" key={JSON.stringify(state)}>
        <TextField name="name" label={t('tokenName')} placeholder={t('tokenNamePlaceholder')} defaultValue={value('name')} maxLength={80} errors={errors('name')} className="flex-1" />
        <SubmitButton pendingLabel={tc('saving')}>{t('createToken')}</SubmitButton>
      </form>
      {state && !state.ok && <FormMessage state={state} />}
    </div>
  );
}
