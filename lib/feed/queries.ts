import { and, desc, eq, inArray, lt, or, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { feedEvents, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorizeSpace } from '@/lib/spaces/access';
import { parseInput } from '@/lib/validation';
import { FEED_GROUPS, FEED_PAGE_SIZE, type FeedKind } from './rules';
import { feedListSchema, type FeedListInput } from './schema';

export interface FeedItem {
  id: string;
  kind: FeedKind;
  subjectType: string;
  subjectId: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
  actor: { id: string; name: string } | null;
  /** For a member.joined line: who joined. */
  people: { id: string; name: string }[];
}

export function feedCursor(item: Pick<FeedItem, 'createdAt' | 'id'>): string {
  return `${item.createdAt.toISOString()}_${item.id}`;
}

function olderThan(cursor: string): SQL {
  const cut = cursor.lastIndexOf('_');
  const at = new Date(cursor.slice(0, cut));
  const id = cursor.slice(cut + 1);
  return or(lt(feedEvents.createdAt, at), and(eq(feedEvents.createdAt, at), lt(feedEvents.id, id)))!;
}

/**
 * One page of a space's feed, newest first, filtered by kind group and by who did it. Pages go
 * by cursor (the last line's time and id), so a long feed costs the same on page 1 and page 100.
 */
export async function listFeed(actor: Actor, spaceId: string, input: FeedListInput = {}) {
  const filters = parseInput(feedListSchema, input);
  const db = await getDb();
  const { space } = await authorizeSpace(db, actor, spaceId, 'space.view');
  const conditions: SQL[] = [eq(feedEvents.spaceId, space.id)];
  if (filters.group) conditions.push(inArray(feedEvents.kind, [...FEED_GROUPS[filters.group]]));
  if (filters.actorId) conditions.push(eq(feedEvents.actorId, filters.actorId));
  if (filters.before) conditions.push(olderThan(filters.before));
  const rows = await db.select({
    id: feedEvents.id, kind: feedEvents.kind, subjectType: feedEvents.subjectType, subjectId: feedEvents.subjectId,
    data: feedEvents.data, createdAt: feedEvents.createdAt, actorId: feedEvents.actorId, actorName: users.name,
  }).from(feedEvents).leftJoin(users, eq(users.id, feedEvents.actorId))
    .where(and(...conditions))
    .orderBy(desc(feedEvents.createdAt), desc(feedEvents.id))
    .limit(FEED_PAGE_SIZE + 1);
  const page = rows.slice(0, FEED_PAGE_SIZE);
  const people = await namesOf(page.flatMap((row) => (row.kind === 'member.joined' ? stringList(row.data.userIds) : [])));
  const items: FeedItem[] = page.map(({ actorId, actorName, ...row }) => ({
    ...row,
    actor: actorId ? { id: actorId, name: actorName ?? '' } : null,
    people: row.kind === 'member.joined' ? stringList(row.data.userIds).flatMap((id) => people.get(id) ?? []) : [],
  }));
  const last = items[items.length - 1];
  return { items, next: rows.length > FEED_PAGE_SIZE && last ? feedCursor(last) : null, filters };
}

const stringList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

async function namesOf(ids: string[]): Promise<Map<string, { id: string; name: string }>> {
  if (!ids.length) return new Map();
  const db = await getDb();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row]));
}
