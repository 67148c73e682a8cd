import { and, count, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { announcementAcks, announcements, spaceMembers, users, type Announcement } from '@/db/schema';
import { actorId, requireUserActor, type Actor } from '@/lib/auth/actor';
import { canInSpace } from '@/lib/auth/permissions';
import { recordAudit } from '@/lib/audit';
import { Forbidden, Invalid, NotFound } from '@/lib/errors';
import { notifyUsers } from '@/lib/notify/service';
import { emitSpaceEvent } from '@/lib/realtime/events';
import { authorizeSpace, type LoadedSpaceAccess } from '@/lib/spaces/access';
import { memberIdsOf } from '@/lib/spaces/members';
import { isUuid, parseInput } from '@/lib/validation';
import { ANNOUNCEMENT_PINNED_MAX } from './rules';
import { announcementSchema, pinSchema, type AnnouncementInput } from './schema';
import type { SpaceAction } from '@/lib/auth/permissions';

async function announceChange(tx: Transaction, actor: Actor, spaceId: string, announcementId: string): Promise<void> {
  await emitSpaceEvent(tx, spaceId, { type: 'announcement.changed', data: { announcementId, by: actorId(actor) } });
}

async function assertPinRoom(tx: Transaction, spaceId: string): Promise<void> {
  const [row] = await tx.select({ n: count() }).from(announcements).where(and(eq(announcements.spaceId, spaceId), isNotNull(announcements.pinnedAt)));
  if ((row?.n ?? 0) >= ANNOUNCEMENT_PINNED_MAX) throw Invalid({ pinned: ['announcementPinLimit'] });
}

/** Posts an announcement of a key decision (leads); every other member is notified and asked to acknowledge it. */
export async function postAnnouncement(actor: Actor, spaceId: string, input: AnnouncementInput): Promise<Announcement> {
  const user = requireUserActor(actor);
  const data = parseInput(announcementSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { space } = await authorizeSpace(tx, actor, spaceId, 'feed.announce', { lock: true });
    if (data.pinned) await assertPinRoom(tx, space.id);
    const [row] = await tx.insert(announcements).values({
      spaceId: space.id, organizationId: space.organizationId, authorId: user.id, title: data.title, body: data.body,
      pinnedAt: data.pinned ? new Date() : null,
    }).returning();
    await recordAudit(tx, actor, { organizationId: space.organizationId, spaceId: space.id, action: 'announcement.post', targetType: 'announcement', targetId: row!.id, data: { title: row!.title } });
    await notifyUsers(tx, actor, await memberIdsOf(tx, space.id), {
      organizationId: space.organizationId, spaceId: space.id, kind: 'announcement.posted',
      data: { title: row!.title, spaceName: space.name }, href: `/spaces/${space.id}/feed#announcement-${row!.id}`, dedupeKey: `announcement:${row!.id}`,
    });
    await announceChange(tx, actor, space.id, row!.id);
    return row!;
  });
}

async function authorizeAnnouncement(tx: Transaction, actor: Actor, announcementId: string, action: SpaceAction): Promise<{ row: Announcement; access: LoadedSpaceAccess }> {
  if (!isUuid(announcementId)) throw NotFound();
  const [found] = await tx.select({ spaceId: announcements.spaceId }).from(announcements).where(eq(announcements.id, announcementId));
  if (!found) throw NotFound();
  const access = await authorizeSpace(tx, actor, found.spaceId, action, { lock: true });
  const [row] = await tx.select().from(announcements).where(and(eq(announcements.id, announcementId), eq(announcements.spaceId, access.space.id)));
  if (!row) throw NotFound();
  return { row, access };
}

/** Pins an announcement above the feed, or takes it down (leads); a few at most stay pinned. */
export async function pinAnnouncement(actor: Actor, announcementId: string, input: { pinned?: unknown }): Promise<Announcement> {
  const { pinned } = parseInput(pinSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { row, access } = await authorizeAnnouncement(tx, actor, announcementId, 'feed.announce');
    if (pinned === Boolean(row.pinnedAt)) return row;
    if (pinned) await assertPinRoom(tx, access.space.id);
    const [updated] = await tx.update(announcements).set({ pinnedAt: pinned ? new Date() : null })
      .where(and(eq(announcements.id, row.id), eq(announcements.spaceId, access.space.id))).returning();
    await recordAudit(tx, actor, { organizationId: access.space.organizationId, spaceId: access.space.id, action: pinned ? 'announcement.pin' : 'announcement.unpin', targetType: 'announcement', targetId: row.id });
    await announceChange(tx, actor, access.space.id, row.id);
    return updated!;
  });
}

/** Takes an announcement back (leads); its acknowledgements go with it. */
export async function deleteAnnouncement(actor: Actor, announcementId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { row, access } = await authorizeAnnouncement(tx, actor, announcementId, 'feed.announce');
    await tx.delete(announcements).where(and(eq(announcements.id, row.id), eq(announcements.spaceId, access.space.id)));
    await recordAudit(tx, actor, { organizationId: access.space.organizationId, spaceId: access.space.id, action: 'announcement.delete', targetType: 'announcement', targetId: row.id, data: { title: row.title } });
    await announceChange(tx, actor, access.space.id, row.id);
  });
}

/** 确认已读: a member acknowledges an announcement; doing it twice is harmless. */
export async function acknowledgeAnnouncement(actor: Actor, announcementId: string): Promise<void> {
  const user = requireUserActor(actor);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { row, access } = await authorizeAnnouncement(tx, actor, announcementId, 'space.view');
    // Acknowledging is a member's own act; an archived space takes no new ones.
    if (!access.membership || access.space.status !== 'active') throw Forbidden();
    if (row.authorId === user.id) return;
    const added = await tx.insert(announcementAcks).values({ announcementId: row.id, userId: user.id }).onConflictDoNothing().returning();
    if (added.length) await announceChange(tx, actor, access.space.id, row.id);
  });
}

export interface AnnouncementView extends Announcement {
  authorName: string | null;
  ackCount: number;
  /** The members asked to acknowledge it: everyone but the author. */
  audience: number;
  acknowledgedByMe: boolean;
}

/** A space's announcements, pinned first then newest, each with how many members acknowledged it. */
export async function listAnnouncements(actor: Actor, spaceId: string, limit = 20): Promise<AnnouncementView[]> {
  const db = await getDb();
  const access = await authorizeSpace(db, actor, spaceId, 'space.view');
  const me = actorId(actor);
  // Both counts are of the current members other than the author: those asked to acknowledge.
  const asked = sql`${spaceMembers.spaceId} = ${announcements.spaceId} and ${spaceMembers.userId} is distinct from ${announcements.authorId}`;
  const audience = sql<number>`(select count(*) from ${spaceMembers} where ${asked})`.mapWith(Number);
  const acked = sql<number>`(select count(*) from ${announcementAcks} join ${spaceMembers} on ${spaceMembers.userId} = ${announcementAcks.userId}
    where ${announcementAcks.announcementId} = ${announcements.id} and ${asked})`.mapWith(Number);
  const mine = me
    ? sql<boolean>`exists (select 1 from ${announcementAcks} where ${announcementAcks.announcementId} = ${announcements.id} and ${announcementAcks.userId} = ${me})`
    : sql<boolean>`false`;
  const rows = await db.select({ announcement: announcements, authorName: users.name, ackCount: acked, audience, acknowledgedByMe: mine })
    .from(announcements).leftJoin(users, eq(users.id, announcements.authorId))
    .where(eq(announcements.spaceId, access.space.id))
    .orderBy(sql`${announcements.pinnedAt} is null`, desc(announcements.pinnedAt), desc(announcements.createdAt))
    .limit(limit);
  return rows.map((r) => ({ ...r.announcement, authorName: r.authorName, ackCount: r.ackCount, audience: r.audience, acknowledgedByMe: r.acknowledgedByMe }));
}

/**
 * Who of the space's current members has acknowledged an announcement and who has not (leads and
 * the author: the ones who follow up).
 */
export async function announcementReaders(actor: Actor, announcementId: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { row, access } = await authorizeAnnouncement(tx, actor, announcementId, 'space.view');
    if (!canInSpace(actor, access, 'feed.announce') && row.authorId !== actorId(actor)) throw NotFound();
    const people = await tx.select({ id: users.id, name: users.name, ackedAt: announcementAcks.createdAt })
      .from(spaceMembers)
      .innerJoin(users, eq(users.id, spaceMembers.userId))
      .leftJoin(announcementAcks, and(eq(announcementAcks.announcementId, row.id), eq(announcementAcks.userId, spaceMembers.userId)))
      .where(eq(spaceMembers.spaceId, access.space.id))
      .orderBy(users.name);
    return {
      acknowledged: people.filter((p) => p.ackedAt).map((p) => ({ id: p.id, name: p.name, at: p.ackedAt! })),
      pending: people.filter((p) => !p.ackedAt && p.id !== row.authorId).map((p) => ({ id: p.id, name: p.name })),
    };
  });
}
