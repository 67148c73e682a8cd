import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns';
import { users } from './org';
import { spaces } from './spaces';

// Relative, not '@/': drizzle-kit loads this file without the app's path aliases.
import { AWAIT_RESOLUTIONS, COMMENT_TARGET_TYPES, RESPONSE_HOURS_DEFAULT } from '../../lib/comments/rules';

/**
 * A comment (评论) on a task or a file of a space; replies to a top-level comment form its thread
 * (one level). The target is polymorphic (type + id) so knowledge-base pages can join later.
 * A deleted comment keeps its place in the thread and reads "已删除".
 */
export const comments = pgTable(
  'comments',
  {
    id: id(),
    spaceId: uuid().notNull().references(() => spaces.id, { onDelete: 'cascade' }),
    targetType: text({ enum: COMMENT_TARGET_TYPES }).notNull(),
    targetId: uuid().notNull(),
    parentId: uuid().references((): AnyPgColumn => comments.id, { onDelete: 'cascade' }),
    authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** Markdown-lite with <@userId> mentions, rendered like a chat message. */
    body: text().notNull(),
    editedAt: timestamp({ withTimezone: true }),
    deletedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('comments_space_id_idx').on(t.spaceId),
    index('comments_target_type_target_id_created_at_idx').on(t.targetType, t.targetId, t.createdAt),
    index('comments_parent_id_idx').on(t.parentId),
  ],
);

/** A person a comment waits for, until they reply or mark it handled (处理完毕). */
export const commentAwaits = pgTable(
  'comment_awaits',
  {
    commentId: uuid().notNull().references(() => comments.id, { onDelete: 'cascade' }),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    resolvedAt: timestamp({ withTimezone: true }),
    resolution: text({ enum: AWAIT_RESOLUTIONS }),
    /** Set once by whichever process first flags it overdue: that one sends the reminder. */
    overdueNotifiedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.commentId, t.userId] }),
    index('comment_awaits_user_id_resolved_at_due_at_idx').on(t.userId, t.resolvedAt, t.dueAt),
    // What the overdue sweep reads: only the open, not yet flagged ones.
    index('comment_awaits_due_at_idx').on(t.dueAt).where(sql`${t.resolvedAt} is null and ${t.overdueNotifiedAt} is null`),
  ],
);

/** A space's response rule; a space without a row uses the defaults (24 hours, round the clock). */
export const commentSettings = pgTable('comment_settings', {
  spaceId: uuid().primaryKey().references(() => spaces.id, { onDelete: 'cascade' }),
  responseHours: integer().notNull().default(RESPONSE_HOURS_DEFAULT),
  /** Count only Monday–Friday 09:00–18:00 in the organisation's time zone. */
  workingHoursOnly: boolean().notNull().default(false),
  updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  updatedAt: updatedAt(),
});

export type Comment = typeof comments.$inferSelect;
export type NewComment = typeof comments.$inferInsert;
export type CommentAwait = typeof commentAwaits.$inferSelect;
export type NewCommentAwait = typeof commentAwaits.$inferInsert;
export type CommentSettings = typeof commentSettings.$inferSelect;
