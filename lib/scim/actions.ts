'use server';

import { authedAction } from '@/lib/http/authed-action';
import { createScimToken, revokeScimToken } from './tokens';

/** Creates a SCIM token for the admin's organisation; the plain token is returned once for the page to show. */
export const createScimTokenAction = authedAction(
  async (actor, input, user) => {
    const { token } = await createScimToken(actor, user.organizationId, { name: input.name });
    return { token };
  },
  { revalidate: '/admin/scim' },
);

export const revokeScimTokenAction = authedAction(
  async (actor, input, user) => {
    await revokeScimToken(actor, user.organizationId, String(input.tokenId ?? ''));
  },
  { revalidate: '/admin/scim', successMessage: 'scimAdmin.tokenRevoked' },
);
