'use server';

import { authedAction } from '@/lib/http/authed-action';
import { formText, parseInput } from '@/lib/validation';
import { muteSchema } from './schema';
import { addSpaceWebhook, removeSpaceWebhook, saveDigestSchedule } from './space-settings';
import { markAllNotificationsRead, setSpaceMuted } from './service';

const refresh = { revalidate: '/' } as const;

export const markAllNotificationsReadAction = authedAction(async (actor): Promise<void> => {
  await markAllNotificationsRead(actor);
}, { ...refresh, successMessage: 'notifications.markedAllRead' });

export const setSpaceMutedAction = authedAction(async (actor, input): Promise<void> => {
  const { muted } = parseInput(muteSchema, input);
  await setSpaceMuted(actor, formText(input.spaceId), muted);
}, refresh);

export const saveDigestScheduleAction = authedAction(async (actor, input): Promise<void> => {
  const { spaceId, ...rest } = input;
  await saveDigestSchedule(actor, formText(spaceId), { enabled: 'false', daysOfWeek: [], audiences: [], departmentIds: [], ...rest });
}, { ...refresh, successMessage: 'deliverySettings.saved' });

export const addSpaceWebhookAction = authedAction(async (actor, input): Promise<void> => {
  await addSpaceWebhook(actor, formText(input.spaceId), { kind: input.kind, name: input.name, url: input.url, secret: input.secret });
}, { ...refresh, successMessage: 'deliverySettings.robotAdded' });

export const removeSpaceWebhookAction = authedAction(async (actor, input): Promise<void> => {
  await removeSpaceWebhook(actor, formText(input.webhookId));
}, refresh);
