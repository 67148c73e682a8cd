import { z } from 'zod';
import { announcementSchema, feedListSchema, pinSchema } from '@/lib/feed/schema';
import { FEED_KINDS } from '@/lib/feed/rules';
import { muteSchema, notificationListSchema } from '@/lib/notify/schema';
import { NOTIFICATION_KINDS } from '@/lib/notify/rules';
import { body, common, componentRef, json, listQueryParameters, pathParam, writes } from './openapi-parts';

// The feed, announcements and notifications in the OpenAPI document.

export const feedRequests = {
  PostAnnouncement: announcementSchema,
  PinAnnouncement: pinSchema,
  MuteSpace: muteSchema,
};

const person = z.object({ id: z.uuid(), name: z.string() });

export const feedResponses = {
  FeedItem: z.object({
    id: z.uuid(), kind: z.enum(FEED_KINDS), subjectType: z.string(), subjectId: z.string().nullable(), data: z.record(z.string(), z.unknown()),
    createdAt: z.iso.datetime(), actor: person.nullable(), people: z.array(person).describe('Who joined, for `member.joined`.'),
    text: z.string().describe('The line in the caller’s language.'), href: z.string().nullable().describe('The app page it is about.'),
  }),
  Announcement: z.object({
    id: z.uuid(), spaceId: z.uuid(), title: z.string(), body: z.string().describe('Markdown-lite'), authorId: z.uuid().nullable(), authorName: z.string().nullable(),
    pinnedAt: z.iso.datetime().nullable(), createdAt: z.iso.datetime(),
    ackCount: z.int(), audience: z.int().describe('Members asked to acknowledge: everyone but the author.'), acknowledgedByMe: z.boolean(),
  }),
  AnnouncementReaders: z.object({
    acknowledged: z.array(person.extend({ at: z.iso.datetime() })),
    pending: z.array(person),
  }),
  Notification: z.object({
    id: z.uuid(), kind: z.enum(NOTIFICATION_KINDS), important: z.boolean(), data: z.record(z.string(), z.unknown()), href: z.string(),
    readAt: z.iso.datetime().nullable(), createdAt: z.iso.datetime(), actorName: z.string().nullable(), spaceName: z.string().nullable(),
  }),
};

const spaceId = pathParam('spaceId', 'The space.');
const announcementId = pathParam('announcementId', 'An announcement of a space.');
const notificationId = pathParam('notificationId', 'One of the caller’s notifications.');
const done = { '204': { description: 'Done.' } };
const announcementAnswer = (description: string) => ({ description, ...json({ type: 'object', properties: { announcement: componentRef('Announcement') }, required: ['announcement'] }) });

export function feedPaths() {
  return {
    '/spaces/{spaceId}/feed': {
      parameters: [spaceId],
      get: {
        operationId: 'listFeed', summary: 'The space’s activity, newest first: `group` (tasks, milestones, members, files, meetings, announcements), `actorId`, `before` (the previous page’s `next`)',
        parameters: listQueryParameters(feedListSchema),
        responses: { '200': { description: 'A page of lines.', ...json({ type: 'object', properties: { items: { type: 'array', items: componentRef('FeedItem') }, next: { type: ['string', 'null'] } } }) }, ...common },
      },
    },
    '/spaces/{spaceId}/announcements': {
      parameters: [spaceId],
      get: {
        operationId: 'listAnnouncements', summary: 'The space’s announcements, pinned first, with acknowledgement counts',
        responses: { '200': { description: 'Announcements.', ...json({ type: 'object', properties: { announcements: { type: 'array', items: componentRef('Announcement') } } }) }, ...common },
      },
      post: { operationId: 'postAnnouncement', summary: 'Post an announcement (space leads); every other member is notified and asked to acknowledge it; at most 3 pinned', requestBody: body('PostAnnouncement'), responses: { '201': announcementAnswer('The announcement.'), ...writes } },
    },
    '/spaces/{spaceId}/mute': {
      parameters: [spaceId],
      put: { operationId: 'muteSpace', summary: 'Mute the space for the caller (no notifications from it) or unmute it', requestBody: body('MuteSpace'), responses: { '200': { description: 'The new state.', ...json({ type: 'object', properties: { muted: { type: 'boolean' } } }) }, ...writes } },
    },
    '/announcements/{announcementId}': {
      parameters: [announcementId],
      patch: { operationId: 'pinAnnouncement', summary: 'Pin or unpin (space leads)', requestBody: body('PinAnnouncement'), responses: { '200': announcementAnswer('The announcement.'), ...writes } },
      delete: { operationId: 'deleteAnnouncement', summary: 'Withdraw an announcement (space leads)', responses: { ...done, ...writes } },
    },
    '/announcements/{announcementId}/acknowledge': {
      parameters: [announcementId],
      post: { operationId: 'acknowledgeAnnouncement', summary: '确认已读: the caller acknowledges the announcement (members of an active space)', responses: { ...done, ...writes } },
    },
    '/announcements/{announcementId}/readers': {
      parameters: [announcementId],
      get: { operationId: 'listAnnouncementReaders', summary: 'Who has acknowledged and who has not yet (space leads and the author)', responses: { '200': { description: 'Readers.', ...json(componentRef('AnnouncementReaders')) }, ...common } },
    },
    '/notifications': {
      get: {
        operationId: 'listNotifications', summary: 'The caller’s notifications, newest first (`filter` = all, unread, important; `page`), with the unread count',
        parameters: listQueryParameters(notificationListSchema),
        responses: { '200': { description: 'A page of notifications.', ...json({ type: 'object', properties: { notifications: { type: 'array', items: componentRef('Notification') }, hasMore: { type: 'boolean' }, unread: { type: 'integer' } } }) }, ...common },
      },
    },
    '/notifications/{notificationId}/read': {
      parameters: [notificationId],
      post: { operationId: 'markNotificationRead', summary: 'Mark one notification read', responses: { ...done, ...common } },
    },
    '/notifications/read-all': {
      post: { operationId: 'markAllNotificationsRead', summary: 'Mark all the caller’s notifications read; `marked` counts them', responses: { '200': { description: 'How many were unread.', ...json({ type: 'object', properties: { marked: { type: 'integer' } } }) }, ...common } },
    },
    '/notifications/stream': {
      get: {
        operationId: 'streamNotifications', summary: 'Server-Sent Events: an `unread` event `{ unread }` now and whenever the caller’s notifications change',
        responses: { '200': { description: 'An event stream.', content: { 'text/event-stream': { schema: { type: 'string' } } } }, ...common },
      },
    },
  };
}
