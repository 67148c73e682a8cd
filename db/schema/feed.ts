import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns';
import { organizations, users } from './org';
import { spaces } from './spaces';

// Relative, not '@/': drizzle-kit loads this file without the app's path aliases.
import { FEED_KINDS } from '../../lib/feed/rules';

/**
 * One line of a space's feed (动态), written with the audit row of the change it tells of. It keeps
 * the names it shows (a task renamed later still reads as it was then).
 */
export const feedEvents = pgTable(
  'feed_events',
  {
    id: id(),
    spaceId: uuid().notNull().references(() => spaces.id, { onDelete: 'cascade' }),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    kind: text({ enum: FEED_KINDS }).notNull(),
    subjectType: text().notNull(),
    subjectId: text(),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    // Milliseconds, as JavaScript keeps them: the page cursor holds this time and must match it exactly.
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index('feed_events_space_id_created_at_idx').on(t.spaceId, t.createdAt, t.id),
    index('feed_events_space_id_kind_created_at_idx').on(t.spaceId, t.kind, t.createdAt),
    index('feed_events_space_id_actor_id_created_at_idx').on(t.spaceId, t.actorId, t.createdAt),
  ],
);

/** An announcement (公告) of a key decision: posted by the space's leads, acknowledged by members. */
export const announcements = pgTable(
  'announcements',
  {
    id: id(),
    spaceId: uuid().notNull().references(() => spaces.id, { onDelete: 'cascade' }),
    organizationId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    title: text().notNull(),
    /** Markdown-lite, rendered like a chat message. */
    body: text().notNull(),
    pinnedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('announcements_space_id_created_at_idx').on(t.spaceId, t.createdAt)],
);

/** 已确认: a member has read and acknowledged an announcement. */
export const announcementAcks = pgTable(
  'announcement_acks',
  {
    announcementId: uuid().notNull().references(() => announcements.id, { onDelete: 'cascade' }),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.announcementId, t.userId] }), index('announcement_acks_user_id_idx').on(t.userId)],
);

export type FeedEvent = typeof feedEvents.$inferSelect;
export type NewFeedEvent = typeof feedEvents.$inferInsert;
export type Announcement = typeof announcements.$inferSelect;
