import { and, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { notifications, spaceMembers, spaces, users } from '@/db/schema';
import { requireUserActor, type Actor } from '@/lib/auth/actor';
import { parseInput } from '@/lib/validation';
import { NOTIFICATIONS_PAGE_SIZE } from './rules';
import { notificationListSchema, type NotificationListInput } from './schema';

/** One page of one's own notifications, newest first. */
export async function listNotifications(actor: Actor, input: NotificationListInput = {}) {
  const user = requireUserActor(actor);
  const filters = parseInput(notificationListSchema, input);
  const conditions: SQL[] = [eq(notifications.userId, user.id)];
  if (filters.filter === 'unread') conditions.push(isNull(notifications.readAt));
  if (filters.filter === 'important') conditions.push(eq(notifications.important, true));
  const db = await getDb();
  const rows = await db.select({
    id: notifications.id, kind: notifications.kind, important: notifications.important, data: notifications.data, href: notifications.href,
    readAt: notifications.readAt, createdAt: notifications.createdAt, actorName: users.name, spaceName: spaces.name,
  }).from(notifications)
    .leftJoin(users, eq(users.id, notifications.actorId))
    .leftJoin(spaces, eq(spaces.id, notifications.spaceId))
    .where(and(...conditions))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATIONS_PAGE_SIZE + 1)
    .offset((filters.page - 1) * NOTIFICATIONS_PAGE_SIZE);
  return { rows: rows.slice(0, NOTIFICATIONS_PAGE_SIZE), hasMore: rows.length > NOTIFICATIONS_PAGE_SIZE, filters };
}
export type NotificationRow = Awaited<ReturnType<typeof listNotifications>>['rows'][number];

/** How many of this person's notifications are unread (the bell's badge). */
export async function countUnreadNotifications(userId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Whether the person muted the space (false when not a member). */
export async function isSpaceMuted(userId: string, spaceId: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db.select({ muted: spaceMembers.notificationsMuted }).from(spaceMembers)
    .where(and(eq(spaceMembers.spaceId, spaceId), eq(spaceMembers.userId, userId)));
  return row?.muted ?? false;
}
