import { z } from 'zod';
import type { TaskIssue } from '@/db/schema';
import { SPACE_ACTIONS } from '@/lib/auth/permissions';
import type { getTask, TaskListRow } from './queries';
import { TASK_ISSUE_STATUSES, TASK_PRIORITIES, TASK_STATUSES } from './rules';

// What the REST API answers with, as zod schemas: the OpenAPI document is generated from them.

const named = z.object({ id: z.uuid(), name: z.string() });
const richText = z.record(z.string(), z.unknown()).nullable().describe('A TipTap document (JSON); requests may send plain text instead.');

const taskRefSchema = z.object({
  id: z.uuid(), number: z.number().int(), name: z.string(), status: z.enum(TASK_STATUSES), startDate: z.iso.date().nullable(), dueDate: z.iso.date(),
});

export const taskListItemSchema = z.object({
  id: z.uuid(),
  spaceId: z.uuid(),
  number: z.number().int(),
  name: z.string(),
  priority: z.enum(TASK_PRIORITIES),
  status: z.enum(TASK_STATUSES),
  startDate: z.iso.date().nullable(),
  dueDate: z.iso.date(),
  assignee: named,
  helpers: z.array(named),
  department: named.nullable(),
  deliverable: z.string().nullable(),
  notes: z.string().nullable(),
  parentId: z.uuid().nullable(),
  milestoneId: z.uuid().nullable(),
  isMilestone: z.boolean(),
  completedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const taskIssueResourceSchema = z.object({
  id: z.uuid(),
  taskId: z.uuid(),
  reason: z.string(),
  proposedSolution: z.string(),
  status: z.enum(TASK_ISSUE_STATUSES),
  raisedBy: z.uuid().nullable(),
  resolution: z.string().nullable(),
  resolvedBy: z.uuid().nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});

export const taskDetailSchema = taskListItemSchema.extend({
  description: richText,
  deliveryStandard: richText,
  dependsOn: z.array(taskRefSchema),
  dependents: z.array(taskRefSchema),
  subtasks: z.array(taskRefSchema),
  parent: taskRefSchema.nullable(),
  issues: z.array(taskIssueResourceSchema),
  /** What the caller may do in this task's space now. */
  permissions: z.array(z.enum(SPACE_ACTIONS)),
});

export const rescheduledSchema = z.array(z.object({ id: z.uuid(), startDate: z.iso.date().nullable(), dueDate: z.iso.date() }));

type ListRow = Omit<TaskListRow, 'rank'> & { rank?: number };

export function toTaskListItem(row: ListRow) {
  return {
    id: row.id,
    spaceId: row.spaceId,
    number: row.number,
    name: row.name,
    priority: row.priority,
    status: row.status,
    startDate: row.startDate,
    dueDate: row.dueDate,
    assignee: { id: row.assigneeId, name: row.assigneeName },
    helpers: row.helpers,
    department: row.departmentId && row.departmentName ? { id: row.departmentId, name: row.departmentName } : null,
    deliverable: row.deliverable,
    notes: row.notes,
    parentId: row.parentId,
    milestoneId: row.milestoneId,
    isMilestone: row.isMilestone,
    completedAt: row.completedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toTaskIssueResource(issue: TaskIssue) {
  const { id, taskId, reason, proposedSolution, status, raisedBy, resolution, resolvedBy } = issue;
  return {
    id, taskId, reason, proposedSolution, status, raisedBy, resolution, resolvedBy,
    resolvedAt: issue.resolvedAt?.toISOString() ?? null,
    createdAt: issue.createdAt.toISOString(),
  };
}

export function toTaskDetail(view: Awaited<ReturnType<typeof getTask>>) {
  const { task } = view;
  return {
    ...toTaskListItem({ ...task, helpers: view.helpers }),
    description: (task.description as Record<string, unknown> | null) ?? null,
    deliveryStandard: (task.deliveryStandard as Record<string, unknown> | null) ?? null,
    dependsOn: view.dependsOn,
    dependents: view.dependents,
    subtasks: view.subtasks,
    parent: view.parent,
    issues: view.issues.map((row) => toTaskIssueResource(row.issue)),
    permissions: SPACE_ACTIONS.filter((action) => view.allowed.has(action)),
  };
}
