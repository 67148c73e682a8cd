'use server';

import { redirect } from 'next/navigation';
import { publicAction } from '@/lib/http/authed-action';
import { acceptInvitation } from './invitations';

export const acceptInvitationAction = publicAction(async (input): Promise<void> => {
  const { email } = await acceptInvitation(typeof input.token === 'string' ? input.token : '', input);
  redirect(`/sign-in?${new URLSearchParams({ welcome: email })}`);
});
