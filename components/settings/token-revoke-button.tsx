'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { ActionState } from '@/lib/http/authed-action';

interface TokenRevokeButtonProps {
  action: (state: ActionState<void>, formData: FormData) => Promise<ActionState<void>>;
  tokenId: string;
  tokenName: string;
}

export function TokenRevokeButton({ action, tokenId, tokenName }: TokenRevokeButtonProps) {
  const t = useTranslations('settings');
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="tokenId" value={tokenId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={t('revokeTokenNamed', { name: tokenName })}
        className="min-h-9 rounded-md px-3 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-50"
      >
        {t('revokeToken')}
      </button>
      {state && !state.ok && <p className="text-xs text-red-700">{state.message}</p>}
    </form>
  );
}
