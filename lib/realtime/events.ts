import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { spaceEventCounters, spaceEvents, type SpaceEvent } from '@/db/schema';
import type { SpaceEventType } from './event-types';

/** The Postgres channel every process LISTENs on; the payload is `<spaceId>:<seq>`, ids only. */
export const EVENTS_CHANNEL = 'xiezuo_space_events';

export interface NewSpaceEvent {
  type: SpaceEventType;
  data: Record<string, unknown>;
  /** Only the members of this private channel may see the event. */
  channelId?: string | null;
}

/**
 * Takes the next event number of a space. It updates the space's counter row, which stays locked
 * until commit, so the space's events commit in number order; take it late in the transaction to
 * hold that lock briefly. Rows that need their place in the space's order (a message's seq) take
 * it before they are written, and then record their event with `emitSpaceEventAt`.
 */
export async function nextSpaceSeq(tx: Transaction, spaceId: string): Promise<number> {
  const [counter] = await tx
    .insert(spaceEventCounters)
    .values({ spaceId, lastSeq: 1 })
    .onConflictDoUpdate({ target: spaceEventCounters.spaceId, set: { lastSeq: sql`${spaceEventCounters.lastSeq} + 1` } })
    .returning({ seq: spaceEventCounters.lastSeq });
  return counter!.seq;
}

/**
 * Records the event numbered `seq` (from `nextSpaceSeq`) in the caller's transaction. The NOTIFY
 * goes out only if the transaction commits: nothing is announced that is not stored.
 */
export async function emitSpaceEventAt(tx: Transaction, spaceId: string, seq: number, event: NewSpaceEvent): Promise<void> {
  await tx.insert(spaceEvents).values({ spaceId, seq, type: event.type, data: event.data, channelId: event.channelId ?? null });
  await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${`${spaceId}:${seq}`})`);
}

/** Records an event of a space in the caller's transaction (call it last); returns its number. */
export async function emitSpaceEvent(tx: Transaction, spaceId: string, event: NewSpaceEvent): Promise<number> {
  const seq = await nextSpaceSeq(tx, spaceId);
  await emitSpaceEventAt(tx, spaceId, seq, event);
  return seq;
}

/** The number of the space's latest event (0 before any). */
export async function latestSpaceSeq(executor: Database | Transaction, spaceId: string): Promise<number> {
  const [row] = await executor.select({ seq: spaceEventCounters.lastSeq }).from(spaceEventCounters).where(eq(spaceEventCounters.spaceId, spaceId));
  return row?.seq ?? 0;
}

/** Events after `afterSeq`, oldest first, at most `limit`. */
export function readSpaceEvents(executor: Database | Transaction, spaceId: string, afterSeq: number, limit: number): Promise<SpaceEvent[]> {
  return executor.select().from(spaceEvents)
    .where(and(eq(spaceEvents.spaceId, spaceId), gt(spaceEvents.seq, afterSeq)))
    .orderBy(asc(spaceEvents.seq))
    .limit(limit);
}

/** The first event still kept for a space, if any: a client behind it has missed pruned events. */
export async function oldestSpaceSeq(executor: Database | Transaction, spaceId: string): Promise<number | null> {
  const [row] = await executor.select({ seq: sql<number>`min(${spaceEvents.seq})`.mapWith(Number) }).from(spaceEvents).where(eq(spaceEvents.spaceId, spaceId));
  return row?.seq ?? null;
}

/** Deletes the events recorded before `before` (the end of the retention window). */
export async function pruneSpaceEvents(executor: Database, before: Date): Promise<void> {
  await executor.delete(spaceEvents).where(lt(spaceEvents.createdAt, before));
}
