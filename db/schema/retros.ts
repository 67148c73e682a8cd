import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';
import { users } from './org';
import { spaces } from './spaces';

// Relative, not '@/': drizzle-kit loads this file without the app's path aliases.
import { RETRO_STATUSES } from '../../lib/retro/rules';

/**
 * The retrospective (复盘) of a space, one per space. Goals, problems and improvements are lists
 * validated by zod (lib/retro) and saved whole with a version check. When it is completed, the
 * facts computed from the space are kept as they were, so the record does not drift afterwards.
 */
export const retrospectives = pgTable('retrospectives', {
  spaceId: uuid().primaryKey().references(() => spaces.id, { onDelete: 'cascade' }),
  status: text({ enum: RETRO_STATUSES }).notNull().default('draft'),
  /** [{ id, goal, outcome: achieved | partly | not, evidence }] */
  goals: jsonb().notNull().default([]),
  /** [{ id, text }] */
  problems: jsonb().notNull().default([]),
  /** [{ id, text, taskId?, pageId? }]: an improvement may have become a task or a knowledge page. */
  improvements: jsonb().notNull().default([]),
  summary: text(),
  /** The computed facts at completion; null while a draft (drafts show live figures). */
  facts: jsonb(),
  version: integer().notNull().default(1),
  completedAt: timestamp({ withTimezone: true }),
  completedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export type Retrospective = typeof retrospectives.$inferSelect;
