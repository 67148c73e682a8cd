'use server';

import { authedAction } from '@/lib/http/authed-action';
import { formText } from '@/lib/validation';
import { acknowledgeAnnouncement, deleteAnnouncement, pinAnnouncement, postAnnouncement } from './announcements';

// Form actions of the feed page; every service checks the actor's right in the space itself.
const refresh = { revalidate: '/' } as const;

export const postAnnouncementAction = authedAction(async (actor, input): Promise<void> => {
  await postAnnouncement(actor, formText(input.spaceId), { title: formText(input.title), body: formText(input.body), pinned: formText(input.pinned) || 'false' });
}, { ...refresh, successMessage: 'feed.posted' });

export const pinAnnouncementAction = authedAction(async (actor, input): Promise<void> => {
  await pinAnnouncement(actor, formText(input.announcementId), { pinned: input.pinned });
}, refresh);

export const deleteAnnouncementAction = authedAction(async (actor, input): Promise<void> => {
  await deleteAnnouncement(actor, formText(input.announcementId));
}, refresh);

export const acknowledgeAnnouncementAction = authedAction(async (actor, input): Promise<void> => {
  await acknowledgeAnnouncement(actor, formText(input.announcementId));
}, refresh);
