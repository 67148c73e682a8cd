import { type AnyPgColumn, boolean, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tsvector, updatedAt } from './columns';
import { departments, users } from './org';
import { messages } from './chat';
import { spaces } from './spaces';

// Relative, not '@/': drizzle-kit loads this file without the app's path aliases.
import { RISK_LEVELS, TASK_ISSUE_STATUSES, TASK_PRIORITIES, TASK_STATUSES } from '../../lib/tasks/rules';

export { RISK_LEVELS, TASK_ISSUE_STATUSES, TASK_PRIORITIES, TASK_STATUSES } from '../../lib/tasks/rules';
export type { RiskLevel, TaskIssueStatus, TaskPriority, TaskStatus } from '../../lib/tasks/rules';

/** A row of the project progress table (项目进度表): a phase's key milestone and how it is going. */
export const milestones = pgTable(
  'milestones',
  {
    id: id(),
    spaceId: uuid().notNull().references(() => spaces.id, { onDelete: 'cascade' }),
    /** 阶段, e.g. 需求调研. */
    phase: text().notNull().default(''),
    /** 关键节点. */
    name: text().notNull(),
    plannedDate: date({ mode: 'string' }).notNull(),
    actualDate: date({ mode: 'string' }),
    ownerId: uuid().references(() => users.id, { onDelete: 'set null' }),
    delayReason: text(),
    /** Set by a person to override the risk computed from dates and blocked tasks. */
    riskOverride: text({ enum: RISK_LEVELS }),
    position: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('milestones_space_id_planned_date_idx').on(t.spaceId, t.plannedDate)],
);

export const tasks = pgTable(
  'tasks',
  {
    id: id(),
    spaceId: uuid().notNull().references(() => spaces.id, { onDelete: 'cascade' }),
    /** #12 within the space: what people quote, and what a re-imported spreadsheet row matches on. */
    number: integer().notNull(),
    name: text().notNull(),
    /** TipTap JSON, validated against the editor schema when saved. */
    description: jsonb(),
    /** 交付标准: what "done" means for this task (TipTap JSON). */
    deliveryStandard: jsonb(),
    priority: text({ enum: TASK_PRIORITIES }).notNull().default('medium'),
    status: text({ enum: TASK_STATUSES }).notNull().default('todo'),
    /** First day of work, for the Gantt chart; none means the task is a one-day bar on its due date. */
    startDate: date({ mode: 'string' }),
    dueDate: date({ mode: 'string' }).notNull(),
    /** Exactly one person is answerable for a task; helpers (协助人) are in task_helpers. */
    assigneeId: uuid().notNull().references(() => users.id),
    departmentId: uuid().references(() => departments.id, { onDelete: 'set null' }),
    deliverable: text(),
    notes: text(),
    parentId: uuid().references((): AnyPgColumn => tasks.id, { onDelete: 'set null' }),
    milestoneId: uuid().references(() => milestones.id, { onDelete: 'set null' }),
    /** The chat message it was made from (转为任务), if any. */
    sourceMessageId: uuid().references(() => messages.id, { onDelete: 'set null' }),
    /** Shown as a diamond on the Gantt chart. */
    isMilestone: boolean().notNull().default(false),
    /** Order within a board column; fractional so a drop between two cards writes one row. */
    rank: doublePrecision().notNull().default(0),
    completedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** Name, description and delivery standard as text, normalised (lib/search) for global search. */
    searchText: text(),
    searchVector: tsvector(),
    /** The title's (name's) own vector: title hits, which rank first, found without reading the rest. */
    titleVector: tsvector(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('tasks_space_id_number_idx').on(t.spaceId, t.number),
    index('tasks_search_vector_idx').using('gin', t.searchVector),
    index('tasks_title_vector_idx').using('gin', t.titleVector),
    // Newest first within a space: the order global search walks a common word's hits in.
    index('tasks_space_id_updated_at_idx').on(t.spaceId, t.updatedAt),
    index('tasks_space_id_status_rank_idx').on(t.spaceId, t.status, t.rank),
    index('tasks_space_id_due_date_idx').on(t.spaceId, t.dueDate),
    index('tasks_assignee_id_idx').on(t.assigneeId),
    index('tasks_parent_id_idx').on(t.parentId),
  ],
);

export const taskHelpers = pgTable(
  'task_helpers',
  {
    taskId: uuid().notNull().references(() => tasks.id, { onDelete: 'cascade' }),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.userId] }), index('task_helpers_user_id_idx').on(t.userId)],
);

/** Finish-to-start: `taskId` may not start before `dependsOnId` is due. Both are in `spaceId`. */
export const taskDependencies = pgTable(
  'task_dependencies',
  {
    spaceId: uuid().notNull().references(() => spaces.id, { onDelete: 'cascade' }),
    taskId: uuid().notNull().references(() => tasks.id, { onDelete: 'cascade' }),
    dependsOnId: uuid().notNull().references(() => tasks.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.dependsOnId] }),
    index('task_dependencies_depends_on_id_idx').on(t.dependsOnId),
    index('task_dependencies_space_id_idx').on(t.spaceId),
  ],
);

/** An issue-tracking entry (问题跟踪): why a task is blocked and what is proposed, until resolved. */
export const taskIssues = pgTable(
  'task_issues',
  {
    id: id(),
    spaceId: uuid().notNull().references(() => spaces.id, { onDelete: 'cascade' }),
    taskId: uuid().notNull().references(() => tasks.id, { onDelete: 'cascade' }),
    reason: text().notNull(),
    proposedSolution: text().notNull(),
    status: text({ enum: TASK_ISSUE_STATUSES }).notNull().default('open'),
    raisedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    resolution: text(),
    resolvedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('task_issues_space_id_status_idx').on(t.spaceId, t.status), index('task_issues_task_id_idx').on(t.taskId)],
);

export type Task = typeof tasks.$inferSelect;
export type NewTask = typeof tasks.$inferInsert;
export type TaskIssue = typeof taskIssues.$inferSelect;
export type Milestone = typeof milestones.$inferSelect;
export type NewMilestone = typeof milestones.$inferInsert;
