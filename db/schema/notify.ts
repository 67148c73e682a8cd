import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns';
import { organizations, users } from './org';
import { spaces } from './spaces';

// Relative, not '@/': drizzle-kit loads this file without the app's path aliases.
import { DELIVERY_CHANNELS, DELIVERY_STATUSES, DIGEST_AUDIENCES, NOTIFICATION_KINDS, WEBHOOK_KINDS } from '../../lib/notify/rules';

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

/** A space's daily progress reminder (每日进度提醒), set by its admins. */
export const digestSchedules = pgTable('digest_schedules', {
  spaceId: uuid().primaryKey().references(() => spaces.id, { onDelete: 'cascade' }),
  enabled: boolean().notNull().default(true),
  /** Local wall-clock time, `HH:MM`, in `timeZone`. */
  timeOfDay: text().notNull(),
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  daysOfWeek: integer().array().notNull(),
  timeZone: text().notNull(),
  audiences: text({ enum: DIGEST_AUDIENCES }).array().notNull(),
  departmentIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
  updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  updatedAt: updatedAt(),
});

/**
 * One digest for one person from one space on one local day: the primary key is the run key, so a
 * second process (or a restart) that races for the same digest inserts nothing and sends nothing.
 */
export const digestRuns = pgTable(
  'digest_runs',
  {
    spaceId: uuid().notNull().references(() => spaces.id, { onDelete: 'cascade' }),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    runDate: date({ mode: 'string' }).notNull(),
    /** What it said: counts by section, for the admin's view and tests. */
    summary: jsonb().$type<Record<string, number>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.spaceId, t.userId, t.runDate] }), index('digest_runs_user_id_idx').on(t.userId)],
);

/** A space's group robot (群机器人) on DingTalk, Feishu/Lark or WeCom. The secret never leaves the server. */
export const spaceWebhooks = pgTable(
  'space_webhooks',
  {
    id: id(),
    spaceId: uuid().notNull().references(() => spaces.id, { onDelete: 'cascade' }),
    kind: text({ enum: WEBHOOK_KINDS }).notNull(),
    name: text().notNull(),
    url: text().notNull(),
    secret: text(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('space_webhooks_space_id_idx').on(t.spaceId)],
);

/**
 * The outbox of email and robot messages. A row is written in the transaction that decides to
 * send; a worker sends it after commit, retrying with backoff. The idempotency key is unique:
 * the same message can never be queued twice.
 */
export const deliveries = pgTable(
  'deliveries',
  {
    id: id(),
    organizationId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    spaceId: uuid().references(() => spaces.id, { onDelete: 'cascade' }),
    channel: text({ enum: DELIVERY_CHANNELS }).notNull(),
    /** An email address, or a space webhook's id. */
    target: text().notNull(),
    idempotencyKey: text().notNull(),
    /** The message as sent: `{ subject, text, html }` for email, `{ title, text, url }` for a robot. */
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    status: text({ enum: DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastError: text(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('deliveries_idempotency_key_idx').on(t.idempotencyKey),
    index('deliveries_status_next_attempt_at_idx').on(t.status, t.nextAttemptAt),
    index('deliveries_space_id_created_at_idx').on(t.spaceId, t.createdAt),
  ],
);

export type DigestSchedule = typeof digestSchedules.$inferSelect;
export type SpaceWebhook = typeof spaceWebhooks.$inferSelect;
export type Delivery = typeof deliveries.$inferSelect;
