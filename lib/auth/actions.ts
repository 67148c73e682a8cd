'use server';

import { authedAction } from '@/lib/http/authed-action';
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
