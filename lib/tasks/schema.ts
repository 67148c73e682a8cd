import { z } from 'zod';
import { richTextSchema } from '@/lib/rich-text/document';
import { blankToUndefined, formBoolean, idListSchema, isUuid, isoDateSchema } from '@/lib/validation';
import {
  RISK_LEVELS, TASK_DEPENDENCIES_MAX, TASK_HELPERS_MAX, TASK_NAME_MAX, TASK_PRIORITIES, TASK_STATUSES, TASK_TEXT_MAX,
} from './rules';

// Messages are keys of the `validation` catalogue. The same schemas parse form data, API JSON and
// spreadsheet rows, and document the API (lib/api/openapi.ts).

export const taskStatusSchema = z.enum(TASK_STATUSES, 'taskStatusInvalid');
export const taskPrioritySchema = z.enum(TASK_PRIORITIES, 'taskPriorityInvalid');

const nameSchema = z.string('required').trim().min(1, 'required').max(TASK_NAME_MAX, 'tooLong')
  .refine((v) => !/[\r\n]/.test(v), 'singleLine');
const plainText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max, 'tooLong').nullable().optional());
const optionalId = (unknownKey: string) => z.preprocess(blankToUndefined, z.uuid(unknownKey).nullable().optional());

/** Exactly one assignee: a list of several (or none) is refused with a message that says so. */
const assigneeField = z.unknown().optional().transform((value, ctx) => {
  const values = value === undefined || value === null || value === '' ? [] : Array.isArray(value) ? value : [value];
  const message = values.length === 0 ? 'assigneeRequired' : values.length > 1 ? 'assigneeOnlyOne' : isUuid(values[0]) ? null : 'userUnknown';
  if (message) {
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  }
  return values[0] as string;
});

/** 问题跟踪: why the task is stuck and what is proposed; both are required to block a task. */
export const taskIssueSchema = z.object({
  reason: z.string('issueReasonRequired').trim().min(1, 'issueReasonRequired').max(TASK_TEXT_MAX, 'tooLong'),
  proposedSolution: z.string('issueSolutionRequired').trim().min(1, 'issueSolutionRequired').max(TASK_TEXT_MAX, 'tooLong'),
});
export type TaskIssueInput = Partial<z.input<typeof taskIssueSchema>>;

/**
 * Leaving 阻塞 says what happens to the open issue entries: resolved with a resolution, or kept
 * open on purpose. The service requires one of the two when the task has open entries.
 */
const unblockFields = {
  resolution: plainText(TASK_TEXT_MAX),
  keepIssueOpen: formBoolean.optional(),
};

const scheduleRefinement = {
  path: ['dueDate'],
  message: 'dueBeforeStart',
  when: (payload: { value: unknown }) => {
    const v = payload.value as { startDate?: unknown; dueDate?: unknown };
    return isoDateSchema.safeParse(v.startDate).success && isoDateSchema.safeParse(v.dueDate).success;
  },
};
const dueNotBeforeStart = (v: { startDate?: string | null; dueDate?: string }) => !v.startDate || !v.dueDate || v.dueDate >= v.startDate;

const taskFields = {
  name: nameSchema,
  description: richTextSchema,
  deliveryStandard: richTextSchema,
  priority: z.preprocess(blankToUndefined, taskPrioritySchema.default('medium')),
  startDate: z.preprocess(blankToUndefined, isoDateSchema.nullable().optional()),
  dueDate: isoDateSchema,
  assigneeId: assigneeField,
  helperIds: idListSchema('userUnknown', 200).refine((ids) => ids.length <= TASK_HELPERS_MAX, 'tooMany'),
  /** Defaults to the assignee's department. */
  departmentId: optionalId('departmentUnknown'),
  deliverable: plainText(TASK_TEXT_MAX),
  notes: plainText(TASK_TEXT_MAX),
  parentId: optionalId('taskUnknown'),
  milestoneId: optionalId('milestoneUnknown'),
  isMilestone: formBoolean.optional(),
  /** Finish-to-start predecessors in the same space. */
  dependsOnIds: idListSchema('taskUnknown', 200).refine((ids) => ids.length <= TASK_DEPENDENCIES_MAX, 'tooMany'),
};

export const createTaskSchema = z
  .object({
    ...taskFields,
    status: z.preprocess(blankToUndefined, taskStatusSchema.default('todo')),
    /** Required when the task starts out blocked. */
    issue: taskIssueSchema.optional(),
    /** A chat message of the space the task is made from (转为任务). */
    sourceMessageId: optionalId('messageUnknown'),
  })
  .refine(dueNotBeforeStart, scheduleRefinement);
export type CreateTaskInput = Partial<z.input<typeof createTaskSchema>>;

/** Every field optional; what is sent changes, the rest stays. */
export const updateTaskSchema = z
  .object({
    name: nameSchema.optional(),
    description: richTextSchema.optional(),
    deliveryStandard: richTextSchema.optional(),
    priority: taskPrioritySchema.optional(),
    startDate: z.preprocess(blankToUndefined, isoDateSchema.nullable().optional()),
    dueDate: isoDateSchema.optional(),
    assigneeId: assigneeField.optional(),
    helperIds: taskFields.helperIds.optional(),
    departmentId: taskFields.departmentId,
    deliverable: taskFields.deliverable,
    notes: taskFields.notes,
    parentId: taskFields.parentId,
    milestoneId: taskFields.milestoneId,
    isMilestone: formBoolean.optional(),
    dependsOnIds: taskFields.dependsOnIds.optional(),
    status: taskStatusSchema.optional(),
    issue: taskIssueSchema.optional(),
    ...unblockFields,
  })
  .refine(dueNotBeforeStart, scheduleRefinement);
export type UpdateTaskInput = Partial<z.input<typeof updateTaskSchema>>;

/** The same status change for many tasks at once (list view). Blocking needs one entry per task, so it is not offered. */
export const bulkTaskStatusSchema = z.object({
  taskIds: idListSchema('taskUnknown', 500, { count: 1, key: 'tasksRequired' }),
  status: taskStatusSchema.refine((s) => s !== 'blocked', 'bulkBlockedNotAllowed'),
  ...unblockFields,
});
export type BulkTaskStatusInput = Partial<z.input<typeof bulkTaskStatusSchema>>;

export const resolveTaskIssueSchema = z.object({
  resolution: z.string('resolutionRequired').trim().min(1, 'resolutionRequired').max(TASK_TEXT_MAX, 'tooLong'),
});

/** What importing a 项目进度表 did (the API's answer). */
export const progressImportResultSchema = z.object({
  created: z.int().min(0),
  updated: z.int().min(0),
  unchanged: z.int().min(0),
});
export type ProgressImportResult = z.output<typeof progressImportResultSchema>;

/** What importing a 跨部门任务表 did (the API's answer). */
export const taskImportResultSchema = progressImportResultSchema.extend({
  /** Tasks outside the sheet's changes that moved later because a task they wait on moved. */
  rescheduled: z.int().min(0),
});
export type TaskImportResult = z.output<typeof taskImportResultSchema>;

export const TASK_SORTS = ['number', 'dueDate', 'priority', 'status', 'assignee', 'updatedAt'] as const;
export type TaskSort = (typeof TASK_SORTS)[number];
export const TASK_PAGE_SIZE = 50;

const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(10, 'tooMany')).optional();

/** The one filter bar of the list, board and Gantt views, and the API's query string. */
export const taskListFiltersSchema = z
  .object({
    assigneeId: z.preprocess(blankToUndefined, z.uuid('userUnknown').optional()),
    helperId: z.preprocess(blankToUndefined, z.uuid('userUnknown').optional()),
    departmentId: z.preprocess(blankToUndefined, z.uuid('departmentUnknown').optional()),
    priority: listOf(taskPrioritySchema),
    status: listOf(taskStatusSchema),
    dueFrom: z.preprocess(blankToUndefined, isoDateSchema.optional()),
    dueTo: z.preprocess(blankToUndefined, isoDateSchema.optional()),
    overdue: z.preprocess(blankToUndefined, formBoolean.optional()),
    q: z.preprocess(blankToUndefined, z.string().trim().max(100, 'tooLong').optional()),
    sort: z.preprocess(blankToUndefined, z.enum(TASK_SORTS, 'invalid').default('number')),
    order: z.preprocess(blankToUndefined, z.enum(['asc', 'desc'], 'invalid').default('asc')),
    cursor: z.preprocess(blankToUndefined, z.string().max(500, 'invalid').optional()),
    limit: z.preprocess(blankToUndefined, z.coerce.number('invalid').int('invalid').min(1, 'invalid').max(200, 'invalid').default(TASK_PAGE_SIZE)),
  })
  .refine((v) => !v.dueFrom || !v.dueTo || v.dueTo >= v.dueFrom, { path: ['dueTo'], message: 'dueBeforeStart' });
export type TaskListFilters = Partial<z.input<typeof taskListFiltersSchema>>;
export type ParsedTaskListFilters = z.output<typeof taskListFiltersSchema>;

/**
 * Filters from a page's address: a value that does not parse is dropped, so a stale or edited
 * link still shows the list (the API, by contrast, answers 422).
 */
export function lenientTaskFilters(query: Record<string, unknown>): ParsedTaskListFilters {
  const result = taskListFiltersSchema.safeParse(query);
  if (result.success) return result.data;
  const bad = new Set(result.error.issues.map((issue) => String(issue.path[0])));
  return taskListFiltersSchema.parse(Object.fromEntries(Object.entries(query).filter(([key]) => !bad.has(key))));
}

export const riskLevelSchema = z.enum(RISK_LEVELS, 'invalid');

const milestoneFields = {
  phase: z.preprocess(blankToUndefined, z.string().trim().max(60, 'tooLong').optional()),
  name: nameSchema,
  plannedDate: isoDateSchema,
  actualDate: z.preprocess(blankToUndefined, isoDateSchema.nullable().optional()),
  ownerId: optionalId('userUnknown'),
  delayReason: plainText(TASK_TEXT_MAX),
  /** Empty: use the computed risk. */
  riskOverride: z.preprocess(blankToUndefined, riskLevelSchema.nullable().optional()),
};

const delayExplained = (v: { plannedDate?: string; actualDate?: string | null; delayReason?: string | null }) =>
  !v.actualDate || !v.plannedDate || v.actualDate <= v.plannedDate || Boolean(v.delayReason);
const delayRefinement = {
  path: ['delayReason'],
  message: 'delayReasonRequired',
  when: (payload: { value: unknown }) => {
    const v = payload.value as { plannedDate?: unknown; actualDate?: unknown };
    return isoDateSchema.safeParse(v.plannedDate).success && isoDateSchema.safeParse(v.actualDate).success;
  },
};

/** A row of the project progress table; finishing after the planned date needs a delay reason. */
export const milestoneSchema = z.object(milestoneFields).refine(delayExplained, delayRefinement);
export type MilestoneInput = Partial<z.input<typeof milestoneSchema>>;
