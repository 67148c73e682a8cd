'use server';

import { redirect } from 'next/navigation';
import { authedAction } from '@/lib/http/authed-action';
import { formText } from '@/lib/validation';
import { createChannel, setChannelArchived, updateChannel } from './channels';

// Form actions for group chats; the services check the actor's permission.

export const createChannelAction = authedAction(async (actor, input): Promise<void> => {
  const spaceId = formText(input.spaceId);
  const channel = await createChannel(actor, spaceId, input);
  redirect(`/spaces/${spaceId}/chat/${channel.id}`);
});

export const updateChannelAction = authedAction(async (actor, input): Promise<void> => {
  await updateChannel(actor, formText(input.channelId), input);
}, { revalidate: '/', successMessage: 'settings.saved' });

export const archiveChannelAction = authedAction(async (actor, input): Promise<void> => {
  await setChannelArchived(actor, formText(input.channelId), formText(input.archived) === 'true');
}, { revalidate: '/' });
