'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage, SubmitButton, fieldHelpers } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import type { ActionState } from '@/lib/http/authed-action';

interface TokenCreateFormProps {
  action: (state: ActionState<{ token: string }>, formData: FormData) => Promise<ActionState<{ token: string }>>;
}

/** Creates a personal access token and shows it once; it cannot be shown again. */
export function TokenCreateForm({ action }: TokenCreateFormProps) {
  const t = useTranslations('settings');
  const tc = useTranslations('common');
  const [state, formAction] = useActionState(action, null);
  const { errors, value } = fieldHelpers(state);
  return (
    <div className="space-y-3">
      {state?.ok && (
        <div className="rounded-md border border-green-200 bg-green-50 p-3" data-testid="new-token">
          <p className="text-sm font-medium text-green-900">{t('tokenCreated')}</p>
          <input
            readOnly
            aria-label={t('tokenValue')}
            value={state.data.token}
            onFocus={(event) => event.currentTarget.select()}
            className="mt-2 block w-full rounded border border-green-300 bg-white px-2 py-1.5 font-mono text-xs text-slate-900"
          />
        </div>
      )}
      <form action={formAction} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-end" key={JSON.stringify(state)}>
        <TextField name="name" label={t('tokenName')} placeholder={t('tokenNamePlaceholder')} defaultValue={value('name')} maxLength={80} errors={errors('name')} className="flex-1" />
        <SubmitButton pendingLabel={tc('saving')}>{t('createToken')}</SubmitButton>
      </form>
      {state && !state.ok && <FormMessage state={state} />}
    </div>
  );
}
