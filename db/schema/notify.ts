import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';
import { organizations, users } from './org';
import { spaces } from './spaces';

// Relative, not '@/': drizzle-kit loads this file without the app's path aliases.
import { NOTIFICATION_KINDS } from '../../lib/notify/rules';

/**
 * A notification in someone's notification centre (通知中心). The text is rendered in the reader's
 * language from `kind` and `data` when shown; `dedupeKey` makes a repeated send a no-op.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    spaceId: uuid().references(() => spaces.id, { onDelete: 'cascade' }),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    kind: text({ enum: NOTIFICATION_KINDS }).notNull(),
    important: boolean().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    /** Where clicking it leads, an app path. */
    href: text().notNull(),
    dedupeKey: text().notNull(),
    readAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_key_idx').on(t.dedupeKey),
    index('notifications_user_id_created_at_idx').on(t.userId, t.createdAt),
    index('notifications_user_id_read_at_idx').on(t.userId, t.readAt),
  ],
);

export type Notification = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;
