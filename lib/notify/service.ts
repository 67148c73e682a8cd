import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { notifications, spaceMembers, spaces, users } from '@/db/schema';
import { actorId, requireUserActor, type Actor } from '@/lib/auth/actor';
import { NotFound } from '@/lib/errors';
import { signalUsers } from '@/lib/realtime/user-signals';
import { authorizeSpace } from '@/lib/spaces/access';
import { isUuid } from '@/lib/validation';
import { timeZoneOf } from '@/lib/org/time-zone';
import { emailEnabled } from './channels/email';
import { renderNotificationEmail } from './email-render';
import { queueDeliveries, type CalendarAttachment } from './outbox';
import { isImportantKind, preferenceAllows, type NotificationKind } from './rules';

export interface NotificationDraft {
  organizationId: string;
  spaceId?: string | null;
  kind: NotificationKind;
  /** What the text is rendered from (names as they were), in the reader's language when shown. */
  data: Record<string, unknown>;
  href: string;
  /** Names this send: the same key twice for one person is stored once (retries, double clicks). */
  dedupeKey: string;
  /** A meeting notice's email carries the meeting's calendar invitation (or its cancellation). */
  calendar?: CalendarAttachment;
}

/**
 * Puts a notification in the centre of each of these people, in the caller's transaction: not the
 * actor themself, nobody inactive or outside the organisation, nobody who muted the space, and a
 * kind that is not important only for those who asked for all messages. Their open bells hear of
 * it when the transaction commits. Returns who got it.
 */
export async function notifyUsers(tx: Transaction, actor: Actor, userIds: readonly string[], draft: NotificationDraft): Promise<string[]> {
  const self = actorId(actor);
  const candidates = [...new Set(userIds)].filter((id) => id !== self);
  if (!candidates.length) return [];
  const people = await tx.select({
    id: users.id, email: users.email, locale: users.locale, timeZone: users.timeZone,
    preference: users.notificationPreference, muted: spaceMembers.notificationsMuted,
  })
    .from(users)
    .leftJoin(spaceMembers, and(eq(spaceMembers.userId, users.id), draft.spaceId ? eq(spaceMembers.spaceId, draft.spaceId) : sql`false`))
    .where(and(inArray(users.id, candidates), eq(users.organizationId, draft.organizationId), eq(users.isActive, true)));
  const allowed = people.filter((p) => !p.muted && preferenceAllows(p.preference, draft.kind));
  const recipients = allowed.map((p) => p.id);
  if (!recipients.length) return [];
  const important = isImportantKind(draft.kind);
  const inserted = await tx.insert(notifications).values(recipients.map((userId) => ({
    userId, organizationId: draft.organizationId, spaceId: draft.spaceId ?? null, actorId: self,
    kind: draft.kind, important, data: draft.data, href: draft.href, dedupeKey: `${draft.dedupeKey}:${userId}`,
  }))).onConflictDoNothing({ target: notifications.dedupeKey }).returning({ userId: notifications.userId });
  const notified = inserted.map((row) => row.userId);
  if (important && emailEnabled()) await queueEmails(tx, actor, draft, allowed.filter((p) => notified.includes(p.id)));
  await signalUsers(tx, notified);
  return notified;
}

/** Important notices also go by email (when SMTP is set up), in each reader's language and zone. */
async function queueEmails(tx: Transaction, actor: Actor, draft: NotificationDraft, readers: { id: string; email: string; locale: string | null; timeZone: string | null }[]) {
  const [space] = draft.spaceId ? await tx.select({ name: spaces.name }).from(spaces).where(eq(spaces.id, draft.spaceId)) : [];
  const self = actorId(actor);
  const [author] = self ? await tx.select({ name: users.name }).from(users).where(eq(users.id, self)) : [];
  await queueDeliveries(tx, draft, readers.map((reader) => ({
    channel: 'email' as const, target: reader.email, idempotencyKey: `email:${draft.dedupeKey}:${reader.id}`,
    payload: {
      ...renderNotificationEmail({ ...draft, actorName: author?.name ?? null, spaceName: space?.name }, { locale: reader.locale, timeZone: timeZoneOf(reader) }),
      ...(draft.calendar ? { calendar: { ...draft.calendar, locale: reader.locale } } : {}),
    },
  })));
}

/** Marks one of one's own notifications read (reading it twice is harmless); returns where it leads. */
export async function markNotificationRead(actor: Actor, notificationId: string): Promise<string> {
  const user = requireUserActor(actor);
  if (!isUuid(notificationId)) throw NotFound();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
      .where(and(eq(notifications.id, notificationId), eq(notifications.userId, user.id)))
      .returning({ href: notifications.href });
    if (!row) throw NotFound();
    await signalUsers(tx, [user.id]);
    return row.href;
  });
}

/** Marks all one's unread notifications read; returns how many were. */
export async function markAllNotificationsRead(actor: Actor): Promise<number> {
  const user = requireUserActor(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await tx.update(notifications).set({ readAt: new Date() })
      .where(and(eq(notifications.userId, user.id), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    await signalUsers(tx, [user.id]);
    return rows.length;
  });
}

/** Mutes or unmutes a space for oneself: a muted space sends nothing to one's notification centre. */
export async function setSpaceMuted(actor: Actor, spaceId: string, muted: boolean): Promise<void> {
  const user = requireUserActor(actor);
  const db = await getDb();
  await db.transaction(async (tx) => {
    // Muting is reading, not writing the space: it works in an archived space too.
    const { membership } = await authorizeSpace(tx, actor, spaceId, 'space.view');
    if (!membership) throw NotFound();
    await tx.update(spaceMembers).set({ notificationsMuted: muted })
      .where(and(eq(spaceMembers.spaceId, spaceId), eq(spaceMembers.userId, user.id)));
  });
}
