'use server';

import { authedAction } from '@/lib/http/authed-action';
import { readSessionClaims } from './session';
import { ssoEndSessionUrl } from './sso';
import { createPersonalAccessToken, revokePersonalAccessToken } from './tokens';

/** Creates a token for the signed-in user; the plain token is returned once for the page to show. */
export const createTokenAction = authedAction(
  async (actor, input, user) => {
    const { token } = await createPersonalAccessToken(actor, user.id, { name: String(input.name ?? '') });
    return { token };
  },
  { revalidate: '/settings' },
);

export const revokeTokenAction = authedAction(
  async (actor, input) => {
    await revokePersonalAccessToken(actor, String(input.tokenId ?? ''));
  },
  { revalidate: '/settings', successMessage: 'settings.tokenRevoked' },
);

/**
 * Where to send the browser after the Xiezuo session ends: the identity provider's logout page
 * when the session began there (so the next sign-in asks again), else null for the sign-in page.
 */
export async function signOutRedirectAction(): Promise<string | null> {
  const claims = await readSessionClaims();
  return typeof claims?.idt === 'string' ? ssoEndSessionUrl(claims.idt) : null;
}
