import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ActionButton } from '@/components/ui/action-button';
import type { ActionState } from '@/lib/http/authed-action';

interface ListedToken {
  id: string;
  name: string;
  prefix: string;
  revokedAt: Date | null;
}

interface TokenListProps<T extends ListedToken> {
  tokens: T[];
  revokeAction: (state: ActionState<void>, formData: FormData) => Promise<ActionState<void>>;
  /** Catalogue section with the list's words (noTokens, revokeToken, revokeTokenNamed, tokenRevokedState). */
  namespace: 'settings' | 'scimAdmin';
  /** What follows the token's prefix: when it was made, last used, how often. */
  details: (token: T) => ReactNode;
  /** Asked before revoking, for tokens whose loss stops something elsewhere. */
  confirm?: string;
  testId: string;
}

/** Tokens (personal access or SCIM) by name and prefix, each revocable; only the prefix is ever shown again. */
export async function TokenList<T extends ListedToken>({ tokens, revokeAction, namespace, details, confirm, testId }: TokenListProps<T>) {
  const t = await getTranslations(namespace);
  if (tokens.length === 0) return <p className="mt-4 text-sm text-slate-600">{t('noTokens')}</p>;
  return (
    <ul className="mt-4 divide-y divide-slate-100 rounded-md border border-slate-200" data-testid={testId}>
      {tokens.map((token) => (
        <li key={token.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
          <div className="min-w-0">
            <p className="truncate text-sm font-medium text-slate-900">{token.name}</p>
            <p className="text-xs text-slate-600">
              <span className="font-mono">{token.prefix}…</span> · {details(token)}
            </p>
          </div>
          {token.revokedAt ? (
            <span className="text-sm text-slate-500">{t('tokenRevokedState')}</span>
          ) : (
            <ActionButton
              action={revokeAction}
              fields={{ tokenId: token.id }}
              label={t('revokeToken')}
              ariaLabel={t('revokeTokenNamed', { name: token.name })}
              tone="danger"
              confirm={confirm}
            />
          )}
        </li>
      ))}
    </ul>
  );
}
