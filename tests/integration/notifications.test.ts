import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { channels, notifications, spaceMembers, users } from '@/db/schema';
import { userActor } from '@/lib/auth/actor';
import { mentionMarkup, MENTION_ALL } from '@/lib/chat/markdown';
import { postMessage } from '@/lib/chat/post-message';
import { cancelMeeting, createMeeting, updateMeeting } from '@/lib/meetings/service';
import { countUnreadNotifications, listNotifications } from '@/lib/notify/queries';
import { markAllNotificationsRead, markNotificationRead, notifyUsers, setSpaceMuted } from '@/lib/notify/service';
import { subscribeUser } from '@/lib/realtime/user-signals';
import { moveTask } from '@/lib/tasks/board';
import { updateTask } from '@/lib/tasks/service';
import { setupTestDatabase } from './support/database';
import { seedSpace, seedTask } from './support/factories';
import { rejection } from './support/rejection';

const database = setupTestDatabase();


const received = async (userId: string) =>
  (await database.handle.db.select({ kind: notifications.kind, data: notifications.data, href: notifications.href })
    .from(notifications).where(eq(notifications.userId, userId))).map((n) => n.kind).sort();

const preferAll = (userId: string) => database.handle.db.update(users).set({ notificationPreference: 'all' }).where(eq(users.id, userId));

describe('task notifications', () => {
  it('tell the assignee and new helpers, and status changes only those who want all messages', async () => {
    const seeded = await seedSpace();
    const task = await seedTask(seeded, { helperIds: [seeded.owner.id] });
    expect(await received(seeded.participant.id)).toEqual(['task.assigned']);
    expect(await received(seeded.owner.id)).toEqual(['task.helper']);

    await preferAll(seeded.owner.id);
    await moveTask(userActor(seeded.admin), task.id, { status: 'in_progress' });
    // The participant keeps the default (important only): a status change is not important.
    expect(await received(seeded.participant.id)).toEqual(['task.assigned']);
    expect(await received(seeded.owner.id)).toEqual(['task.helper', 'task.statusChanged']);

    // Re-assigning to oneself tells nobody: the actor never notifies themself.
    await updateTask(userActor(seeded.owner), task.id, { assigneeId: seeded.owner.id });
    expect(await received(seeded.owner.id)).toEqual(['task.helper', 'task.statusChanged']);
  });

  it('respects a muted space', async () => {
    const seeded = await seedSpace();
    await setSpaceMuted(userActor(seeded.participant), seeded.space.id, true);
    await seedTask(seeded);
    expect(await received(seeded.participant.id)).toEqual([]);
    await setSpaceMuted(userActor(seeded.participant), seeded.space.id, false);
    await seedTask(seeded);
    expect(await received(seeded.participant.id)).toEqual(['task.assigned']);
    expect((await rejection(setSpaceMuted(userActor(seeded.outsider), seeded.space.id, true))).status).toBe(404);
    const [row] = await database.handle.db.select().from(spaceMembers).where(and(eq(spaceMembers.spaceId, seeded.space.id), eq(spaceMembers.userId, seeded.participant.id)));
    expect(row?.notificationsMuted).toBe(false);
  });
});

describe('chat mention notifications', () => {
  it('tell a mentioned member who wants all messages, once, with a link to the message; @channel alone tells nobody', async () => {
    const seeded = await seedSpace();
    const [channel] = await database.handle.db.select().from(channels).where(eq(channels.spaceId, seeded.space.id));
    await preferAll(seeded.owner.id);
    const body = `${mentionMarkup(seeded.owner.id)} ${mentionMarkup(seeded.observer.id)} 请看一下发布会的预算`;
    const { message } = await postMessage(userActor(seeded.participant), channel!.id, { body, clientKey: 'mention-1' });
    // A retry under the same key is the same message: nothing is sent twice.
    await postMessage(userActor(seeded.participant), channel!.id, { body, clientKey: 'mention-1' });
    await postMessage(userActor(seeded.participant), channel!.id, { body: `${MENTION_ALL} 明天开会` });

    const rows = await database.handle.db.select().from(notifications).where(eq(notifications.kind, 'chat.mentioned'));
    // The observer keeps the default (important only): a chat mention is routine, counted in the chat itself.
    expect(rows.map((n) => n.userId)).toEqual([seeded.owner.id]);
    expect(rows[0]).toMatchObject({
      important: false, actorId: seeded.participant.id,
      href: `/spaces/${seeded.space.id}/chat/${channel!.id}?at=${message.seq}`,
      data: { channel: '全员', excerpt: `@${seeded.owner.name} @${seeded.observer.name} 请看一下发布会的预算` },
    });
  });
});

describe('meeting notifications', () => {
  it('invite attendees, tell them of a new time and of a cancellation, never the organiser', async () => {
    const seeded = await seedSpace();
    const meeting = await createMeeting(userActor(seeded.participant), seeded.space.id, {
      topic: '需求评审会', startsAt: '2026-12-10T10:00', timeZone: 'Asia/Shanghai', attendeeIds: [seeded.owner.id, seeded.observer.id],
    });
    expect(await received(seeded.owner.id)).toEqual(['meeting.invited']);
    expect(await received(seeded.participant.id)).toEqual([]);
    await updateMeeting(userActor(seeded.participant), meeting.id, { startsAt: '2026-12-11T10:00', attendeeIds: [seeded.owner.id, seeded.admin.id] });
    expect(await received(seeded.owner.id)).toEqual(['meeting.invited', 'meeting.updated']);
    expect(await received(seeded.admin.id)).toEqual(['meeting.invited']);
    expect(await received(seeded.observer.id)).toEqual(['meeting.cancelled', 'meeting.invited']);
    await cancelMeeting(userActor(seeded.participant), meeting.id);
    expect(await received(seeded.owner.id)).toEqual(['meeting.cancelled', 'meeting.invited', 'meeting.updated']);
    const [latest] = (await listNotifications(userActor(seeded.owner))).rows;
    expect(latest).toMatchObject({ kind: 'meeting.cancelled', actorName: '参与者', spaceName: seeded.space.name, href: `/spaces/${seeded.space.id}/meetings/${meeting.id}` });
    expect(latest?.data).toMatchObject({ topic: '需求评审会', startsAt: '2026-12-11T02:00:00.000Z' });
  });
});

describe('the notification centre', () => {
  it('stores a send once per key, lists by filter, and marks one or all read', async () => {
    const seeded = await seedSpace();
    const draft = { organizationId: seeded.organization.id, spaceId: seeded.space.id, kind: 'task.assigned' as const, data: { name: '任务' }, href: '/x', dedupeKey: 'test:once' };
    const first = await database.handle.db.transaction((tx) => notifyUsers(tx, userActor(seeded.admin), [seeded.observer.id], draft));
    const again = await database.handle.db.transaction((tx) => notifyUsers(tx, userActor(seeded.admin), [seeded.observer.id], draft));
    expect([first, again]).toEqual([[seeded.observer.id], []]);
    await database.handle.db.transaction((tx) => notifyUsers(tx, userActor(seeded.admin), [seeded.observer.id], { ...draft, kind: 'task.statusChanged', dedupeKey: 'test:minor' }));
    await preferAll(seeded.observer.id);
    await database.handle.db.transaction((tx) => notifyUsers(tx, userActor(seeded.admin), [seeded.observer.id], { ...draft, kind: 'task.statusChanged', dedupeKey: 'test:minor' }));

    const observer = userActor(seeded.observer);
    expect((await listNotifications(observer)).rows.map((r) => r.kind)).toEqual(['task.statusChanged', 'task.assigned']);
    expect((await listNotifications(observer, { filter: 'important' })).rows.map((r) => r.kind)).toEqual(['task.assigned']);
    expect(await countUnreadNotifications(seeded.observer.id)).toBe(2);

    const [minor] = (await listNotifications(observer)).rows;
    expect((await rejection(markNotificationRead(userActor(seeded.owner), minor!.id))).status).toBe(404);
    await markNotificationRead(observer, minor!.id);
    expect((await listNotifications(observer, { filter: 'unread' })).rows.map((r) => r.kind)).toEqual(['task.assigned']);
    expect(await markAllNotificationsRead(observer)).toBe(1);
    expect(await countUnreadNotifications(seeded.observer.id)).toBe(0);
  });

  it('wakes the person\'s open streams when a notification for them commits', async () => {
    const seeded = await seedSpace();
    let woken = 0;
    const stop = await subscribeUser(seeded.participant.id, () => (woken += 1));
    try {
      await seedTask(seeded);
      await expect.poll(() => woken, { timeout: 5000 }).toBeGreaterThan(0);
    } finally {
      stop();
    }
  });
});
