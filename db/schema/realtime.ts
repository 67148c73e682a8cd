import { bigint, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { spaces } from './spaces';

/**
 * The last event number of each space. Taking the next number locks the space's row until the
 * transaction commits, so a space's events commit in number order and a reader that has seen
 * number N has seen everything before it.
 */
export const spaceEventCounters = pgTable('space_event_counters', {
  spaceId: uuid().primaryKey().references(() => spaces.id, { onDelete: 'cascade' }),
  lastSeq: bigint({ mode: 'number' }).notNull().default(0),
});

/**
 * What happened in a space, in order: the space's event stream replays these to browsers that
 * reconnect (SSE Last-Event-ID). Kept for a retention window, then pruned.
 */
export const spaceEvents = pgTable(
  'space_events',
  {
    spaceId: uuid().notNull().references(() => spaces.id, { onDelete: 'cascade' }),
    seq: bigint({ mode: 'number' }).notNull(),
    type: text().notNull(),
    /** Set when only the members of a private channel may see the event. */
    channelId: uuid(),
    data: jsonb().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.spaceId, t.seq] }), index('space_events_created_at_idx').on(t.createdAt)],
);

export type SpaceEvent = typeof spaceEvents.$inferSelect;
