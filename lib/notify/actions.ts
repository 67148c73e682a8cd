'use server';

import { authedAction } from '@/lib/http/authed-action';
import { formText, parseInput } from '@/lib/validation';
import { muteSchema } from './schema';
import { markAllNotificationsRead, setSpaceMuted } from './service';

const refresh = { revalidate: '/' } as const;

export const markAllNotificationsReadAction = authedAction(async (actor): Promise<void> => {
  await markAllNotificationsRead(actor);
}, { ...refresh, successMessage: 'notifications.markedAllRead' });

export const setSpaceMutedAction = authedAction(async (actor, input): Promise<void> => {
  const { muted } = parseInput(muteSchema, input);
  await setSpaceMuted(actor, formText(input.spaceId), muted);
}, refresh);
