import { and, eq, max } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb, type Transaction } from '@/db/client';
import { taskDependencies, taskHelpers, tasks, users, type Task } from '@/db/schema';
import { actorId, type Actor } from '@/lib/auth/actor';
import type { SpaceAction } from '@/lib/auth/permissions';
import { recordAudit } from '@/lib/audit';
import { Invalid, NotFound } from '@/lib/errors';
import { assertDepartmentsInOrg } from '@/lib/org/guards';
import { authorizeSpace, type LoadedSpaceAccess } from '@/lib/spaces/access';
import { isUuid, parseInput } from '@/lib/validation';
import { assertMessageVisible } from '@/lib/chat/access';
import { assertSpaceMembers } from '@/lib/spaces/guards';
import { assertMilestoneInSpace, assertTasksInSpace } from './guards';
import { cascadeSuccessors, earliestStart, startOf, wouldCreateCycle, type DependencyEdge, type ScheduledTask } from './schedule';
import { createTaskSchema, updateTaskSchema, type CreateTaskInput, type UpdateTaskInput } from './schema';
import { applyStatusChange, issueRequiredErrors } from './status';
import { announceTaskChanges } from './events';
import { taskSearchColumns } from './search-columns';
import { helperIdsOf, notifyTaskPeople } from './notify';

/** The fields of a task the audit log records before and after a change. */
export function taskSnapshot(task: Task) {
  const { name, status, priority, startDate, dueDate, assigneeId, departmentId, isMilestone } = task;
  return { number: task.number, name, status, priority, startDate, dueDate, assigneeId, departmentId, isMilestone };
}

/** A task and the space it is in, with the actor's right to `action` checked; the space row is locked until commit. */
export async function authorizeTask(tx: Transaction, actor: Actor, taskId: string, action: SpaceAction): Promise<{ task: Task; access: LoadedSpaceAccess }> {
  if (!isUuid(taskId)) throw NotFound();
  const [found] = await tx.select({ spaceId: tasks.spaceId }).from(tasks).where(eq(tasks.id, taskId));
  if (!found) throw NotFound();
  // The space check is scoped to the actor's organisation: a task elsewhere is a 404 like any other.
  const access = await authorizeSpace(tx, actor, found.spaceId, action, { lock: true });
  const [task] = await tx.select().from(tasks).where(and(eq(tasks.id, taskId), eq(tasks.spaceId, found.spaceId)));
  if (!task) throw NotFound();
  return { task, access };
}

async function nextTaskNumber(tx: Transaction, spaceId: string): Promise<number> {
  const [row] = await tx.select({ n: max(tasks.number) }).from(tasks).where(eq(tasks.spaceId, spaceId));
  return (row?.n ?? 0) + 1;
}

/** The end of a board column: new and moved-in cards go last. */
export async function nextRank(tx: Transaction, spaceId: string, status: Task['status']): Promise<number> {
  const [row] = await tx.select({ r: max(tasks.rank) }).from(tasks).where(and(eq(tasks.spaceId, spaceId), eq(tasks.status, status)));
  return (row?.r ?? 0) + 1;
}

async function departmentOf(tx: Transaction, userId: string): Promise<string | null> {
  const [row] = await tx.select({ departmentId: users.departmentId }).from(users).where(eq(users.id, userId));
  return row?.departmentId ?? null;
}

/** The space's schedule: every task's dates and every dependency edge (what cascading needs). */
async function loadSchedule(tx: Transaction, spaceId: string) {
  const [rows, edges] = await Promise.all([
    tx.select({ id: tasks.id, startDate: tasks.startDate, dueDate: tasks.dueDate }).from(tasks).where(eq(tasks.spaceId, spaceId)),
    tx.select({ taskId: taskDependencies.taskId, dependsOnId: taskDependencies.dependsOnId }).from(taskDependencies).where(eq(taskDependencies.spaceId, spaceId)),
  ]);
  return { dates: new Map<string, ScheduledTask>(rows.map((r) => [r.id, r])), edges: edges as DependencyEdge[] };
}

/** Refuses a start before the predecessors are due; reports on the start date (or the due date of a one-day task). */
function assertStartsAfterPredecessors(dates: ReadonlyMap<string, ScheduledTask>, task: Pick<ScheduledTask, 'startDate' | 'dueDate'>, dependsOnIds: readonly string[]) {
  const earliest = earliestStart(dates, dependsOnIds);
  if (earliest && startOf(task) < earliest) throw Invalid({ [task.startDate ? 'startDate' : 'dueDate']: ['startsBeforeDependency'] });
}

/** Moves the tasks that wait on `taskId` later where they must; returns their new dates. */
async function rescheduleSuccessors(tx: Transaction, spaceId: string, taskId: string): Promise<ScheduledTask[]> {
  const { dates, edges } = await loadSchedule(tx, spaceId);
  const moved = cascadeSuccessors(dates, edges, taskId);
  for (const m of moved) {
    await tx.update(tasks).set({ startDate: m.startDate, dueDate: m.dueDate }).where(and(eq(tasks.id, m.id), eq(tasks.spaceId, spaceId)));
  }
  return moved;
}

/**
 * Creates a task in a space. Exactly one assignee and any helpers, all members of the space; the
 * department defaults to the assignee's; predecessors, parent and milestone must be in the same
 * space; a task created as 阻塞 needs its issue-tracking entry.
 */
export async function createTask(actor: Actor, spaceId: string, input: CreateTaskInput): Promise<Task> {
  const data = parseInput(createTaskSchema, input);
  const db = await getDb();
  return db.transaction((tx) => insertTask(tx, actor, spaceId, data));
}

/** `createTask` inside the caller's transaction, for writes that make tasks as part of something else (meeting action items). */
export async function insertTask(tx: Transaction, actor: Actor, spaceId: string, data: z.output<typeof createTaskSchema>): Promise<Task> {
  const { space } = await authorizeSpace(tx, actor, spaceId, 'task.create', { lock: true });
  if (data.status === 'blocked' && !data.issue) throw Invalid(issueRequiredErrors, 'blockedNeedsIssue');
  await assertSpaceMembers(tx, spaceId, [data.assigneeId], 'assigneeId', 'assigneeNotMember');
  await assertSpaceMembers(tx, spaceId, data.helperIds, 'helperIds', 'helperNotMember');
  if (data.departmentId) await assertDepartmentsInOrg(tx, space.organizationId, [data.departmentId], 'departmentId');
  if (data.parentId) await assertTasksInSpace(tx, spaceId, [data.parentId], 'parentId');
  await assertMilestoneInSpace(tx, spaceId, data.milestoneId);
  await assertTasksInSpace(tx, spaceId, data.dependsOnIds, 'dependsOnIds', 'dependencyOtherSpace');
  if (data.sourceMessageId) await assertMessageVisible(tx, actor, spaceId, data.sourceMessageId);
  const dependsOnIds = [...new Set(data.dependsOnIds)];
  if (dependsOnIds.length) assertStartsAfterPredecessors((await loadSchedule(tx, spaceId)).dates, { startDate: data.startDate ?? null, dueDate: data.dueDate }, dependsOnIds);

  const [task] = await tx
    .insert(tasks)
    .values({
      spaceId,
      number: await nextTaskNumber(tx, spaceId),
      name: data.name,
      description: data.description,
      deliveryStandard: data.deliveryStandard,
      ...taskSearchColumns({ name: data.name, description: data.description ?? null, deliveryStandard: data.deliveryStandard ?? null }),
      priority: data.priority,
      status: data.status,
      startDate: data.startDate ?? null,
      dueDate: data.dueDate,
      assigneeId: data.assigneeId,
      departmentId: data.departmentId ?? (await departmentOf(tx, data.assigneeId)),
      deliverable: data.deliverable ?? null,
      notes: data.notes ?? null,
      parentId: data.parentId ?? null,
      milestoneId: data.milestoneId ?? null,
      isMilestone: data.isMilestone ?? false,
      sourceMessageId: data.sourceMessageId ?? null,
      rank: await nextRank(tx, spaceId, data.status),
      completedAt: data.status === 'done' ? new Date() : null,
      createdBy: actorId(actor),
    })
    .returning();
  const helperIds = [...new Set(data.helperIds)].filter((id) => id !== data.assigneeId);
  if (helperIds.length) await tx.insert(taskHelpers).values(helperIds.map((userId) => ({ taskId: task!.id, userId })));
  if (dependsOnIds.length) await tx.insert(taskDependencies).values(dependsOnIds.map((dependsOnId) => ({ spaceId, taskId: task!.id, dependsOnId })));
  if (data.status === 'blocked') await applyStatusChange(tx, actor, { ...task!, status: 'todo' }, { status: 'blocked', issue: data.issue });
  await recordAudit(tx, actor, {
    organizationId: space.organizationId, spaceId, action: 'task.create', targetType: 'task', targetId: task!.id,
    data: { after: taskSnapshot(task!) },
  });
  await notifyTaskPeople(tx, actor, space, null, task!, []);
  await announceTaskChanges(tx, actor, spaceId, [task!.id]);
  return task!;
}

export interface UpdatedTask {
  task: Task;
  /** Tasks that waited on this one and had to move later with it. */
  rescheduled: ScheduledTask[];
}

const statusFields = new Set(['status', 'issue', 'resolution', 'keepIssueOpen']);

/**
 * Changes what is sent and leaves the rest. A status change follows the issue-tracking rules
 * (lib/tasks/status.ts); a new schedule or new predecessors must leave the task starting after
 * its predecessors are due, and pushes the tasks that wait on it later where needed.
 */
export async function updateTask(actor: Actor, taskId: string, input: UpdateTaskInput): Promise<UpdatedTask> {
  const data = parseInput(updateTaskSchema, input);
  const changesFields = Object.keys(data).some((key) => !statusFields.has(key) && data[key as keyof typeof data] !== undefined);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { task, access } = await authorizeTask(tx, actor, taskId, changesFields ? 'task.edit' : 'task.changeStatus');
    const spaceId = task.spaceId;
    if (data.assigneeId) await assertSpaceMembers(tx, spaceId, [data.assigneeId], 'assigneeId', 'assigneeNotMember');
    if (data.helperIds) await assertSpaceMembers(tx, spaceId, data.helperIds, 'helperIds', 'helperNotMember');
    if (data.departmentId) await assertDepartmentsInOrg(tx, access.space.organizationId, [data.departmentId], 'departmentId');
    if (data.parentId) {
      if (data.parentId === taskId) throw Invalid({ parentId: ['parentIsSelf'] });
      await assertTasksInSpace(tx, spaceId, [data.parentId], 'parentId');
    }
    await assertMilestoneInSpace(tx, spaceId, data.milestoneId);
    const startDate = data.startDate === undefined ? task.startDate : data.startDate;
    const dueDate = data.dueDate ?? task.dueDate;
    if (startDate && dueDate < startDate) throw Invalid({ dueDate: ['dueBeforeStart'] });

    const scheduleChanged = startDate !== task.startDate || dueDate !== task.dueDate;
    let dependsOnIds: string[] | undefined;
    if (data.dependsOnIds || scheduleChanged) {
      const { dates, edges } = await loadSchedule(tx, spaceId);
      if (data.dependsOnIds) {
        dependsOnIds = [...new Set(data.dependsOnIds)];
        if (dependsOnIds.includes(taskId) || wouldCreateCycle(edges, taskId, dependsOnIds)) throw Invalid({ dependsOnIds: ['dependencyCycle'] });
        await assertTasksInSpace(tx, spaceId, dependsOnIds, 'dependsOnIds', 'dependencyOtherSpace');
      }
      const predecessors = dependsOnIds ?? edges.filter((e) => e.taskId === taskId).map((e) => e.dependsOnId);
      assertStartsAfterPredecessors(dates, { startDate, dueDate }, predecessors);
    }

    const nextStatus = data.status ?? task.status;
    const statusChange = nextStatus !== task.status || data.issue
      ? await applyStatusChange(tx, actor, task, { status: nextStatus, issue: data.issue, resolution: data.resolution, keepIssueOpen: data.keepIssueOpen })
      : {};
    // A card that changes column goes to the end of its new column.
    const rank = nextStatus !== task.status ? await nextRank(tx, spaceId, nextStatus) : undefined;
    const textChanged = data.name !== undefined || data.description !== undefined || data.deliveryStandard !== undefined;
    const search = textChanged ? taskSearchColumns({
      name: data.name ?? task.name,
      description: data.description === undefined ? task.description : data.description,
      deliveryStandard: data.deliveryStandard === undefined ? task.deliveryStandard : data.deliveryStandard,
    }) : {};
    const [updated] = await tx
      .update(tasks)
      .set({
        name: data.name,
        description: data.description,
        deliveryStandard: data.deliveryStandard,
        priority: data.priority,
        startDate,
        dueDate,
        assigneeId: data.assigneeId,
        departmentId: data.departmentId,
        deliverable: data.deliverable,
        notes: data.notes,
        parentId: data.parentId,
        milestoneId: data.milestoneId,
        isMilestone: data.isMilestone,
        ...statusChange,
        ...search,
        rank,
      })
      .where(and(eq(tasks.id, taskId), eq(tasks.spaceId, spaceId)))
      .returning();
    // Only a change of helpers needs the list as it was.
    const helpersBefore = data.helperIds ? await helperIdsOf(tx, taskId) : undefined;
    if (data.helperIds) {
      await tx.delete(taskHelpers).where(eq(taskHelpers.taskId, taskId));
      const helperIds = [...new Set(data.helperIds)].filter((id) => id !== updated!.assigneeId);
      if (helperIds.length) await tx.insert(taskHelpers).values(helperIds.map((userId) => ({ taskId, userId })));
    }
    if (dependsOnIds) {
      await tx.delete(taskDependencies).where(eq(taskDependencies.taskId, taskId));
      if (dependsOnIds.length) await tx.insert(taskDependencies).values(dependsOnIds.map((dependsOnId) => ({ spaceId, taskId, dependsOnId })));
    }
    const rescheduled = scheduleChanged ? await rescheduleSuccessors(tx, spaceId, taskId) : [];
    await recordAudit(tx, actor, {
      organizationId: access.space.organizationId, spaceId, action: 'task.update', targetType: 'task', targetId: taskId,
      data: { before: taskSnapshot(task), after: taskSnapshot(updated!), ...(rescheduled.length ? { rescheduled: rescheduled.map((r) => r.id) } : {}) },
    });
    await notifyTaskPeople(tx, actor, access.space, task, updated!, helpersBefore);
    await announceTaskChanges(tx, actor, spaceId, [taskId, ...rescheduled.map((r) => r.id)]);
    return { task: updated!, rescheduled };
  });
}

/** Deletes a task (leads); its subtasks stay, without a parent, and tasks that waited on it lose that dependency. */
export async function deleteTask(actor: Actor, taskId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { task, access } = await authorizeTask(tx, actor, taskId, 'task.delete');
    await tx.delete(tasks).where(and(eq(tasks.id, taskId), eq(tasks.spaceId, task.spaceId)));
    await recordAudit(tx, actor, {
      organizationId: access.space.organizationId, spaceId: task.spaceId, action: 'task.delete', targetType: 'task', targetId: taskId,
      data: { before: taskSnapshot(task) },
    });
    await announceTaskChanges(tx, actor, task.spaceId, [taskId]);
  });
}
