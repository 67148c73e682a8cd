import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb, type Database, type Transaction } from '@/db/client';
import { departments, spaceMembers, taskDependencies, taskHelpers, tasks, users, type Space } from '@/db/schema';
import { actorId, type Actor } from '@/lib/auth/actor';
import { assertCanInSpace } from '@/lib/auth/permissions';
import { recordAudit } from '@/lib/audit';
import { InvalidRows } from '@/lib/errors';
import { authorizeSpace } from '@/lib/spaces/access';
import type { TaskStatus } from './rules';
import type { TaskImportResult } from './schema';
import { planTaskImport, type ExistingTask, type ImportContext, type PlannedCreate, type PlannedUpdate, type TaskFields } from './task-import-plan';
import { scheduleImport } from './task-import-schedule';
import { readTaskSheet } from './task-sheet';
import { announceManyTaskChanges } from './events';
import { refreshTaskSearch, taskSearchColumns, type NewTaskRow } from './search-columns';

// Rows per statement: 500 tasks of 16 columns stay far below Postgres' 65,535 parameters.
const CHUNK = 500;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

/** Importing creates and edits tasks, so it takes both rights. */
async function authorizeImport(executor: Database | Transaction, actor: Actor, spaceId: string, options: { lock?: boolean } = {}) {
  const access = await authorizeSpace(executor, actor, spaceId, 'task.create', options);
  assertCanInSpace(actor, access, 'task.edit');
  return access;
}

type LoadedTask = ExistingTask & { rank: number; completedAt: Date | null };

/** Everything rows are checked against, read once: members, departments, the space's tasks and their dependencies. */
async function loadImportContext(tx: Transaction, space: Space) {
  // One after the other: a transaction is one connection, and pg deprecates overlapping queries on it.
  const members = await tx.select({ id: users.id, name: users.name, departmentId: users.departmentId })
    .from(spaceMembers).innerJoin(users, eq(users.id, spaceMembers.userId)).where(eq(spaceMembers.spaceId, space.id));
  const departmentRows = await tx.select({ id: departments.id, name: departments.name }).from(departments)
    .where(eq(departments.organizationId, space.organizationId));
  const taskRows = await tx.select({
    id: tasks.id, number: tasks.number, name: tasks.name, priority: tasks.priority, status: tasks.status, startDate: tasks.startDate,
    dueDate: tasks.dueDate, assigneeId: tasks.assigneeId, assigneeName: users.name, departmentId: tasks.departmentId,
    deliverable: tasks.deliverable, notes: tasks.notes, deliveryStandard: tasks.deliveryStandard, rank: tasks.rank, completedAt: tasks.completedAt,
  }).from(tasks).innerJoin(users, eq(users.id, tasks.assigneeId)).where(eq(tasks.spaceId, space.id));
  const helperRows = await tx.select({ taskId: taskHelpers.taskId, userId: taskHelpers.userId, name: users.name })
    .from(taskHelpers).innerJoin(tasks, eq(tasks.id, taskHelpers.taskId)).innerJoin(users, eq(users.id, taskHelpers.userId))
    .where(eq(tasks.spaceId, space.id));
  const edges = await tx.select({ taskId: taskDependencies.taskId, dependsOnId: taskDependencies.dependsOnId })
    .from(taskDependencies).where(eq(taskDependencies.spaceId, space.id));
  const names = new Map(members.map((m) => [m.id, m.name]));
  const helpersOf = new Map<string, string[]>();
  for (const { taskId, userId, name } of helperRows) {
    names.set(userId, name);
    (helpersOf.get(taskId) ?? helpersOf.set(taskId, []).get(taskId)!).push(userId);
  }
  const loaded: LoadedTask[] = taskRows.map(({ assigneeName, ...task }) => {
    names.set(task.assigneeId, assigneeName);
    return { ...task, helperIds: helpersOf.get(task.id) ?? [] };
  });
  const context: ImportContext = { members, nameOf: (id) => names.get(id), departments: departmentRows, tasks: loaded };
  return { context, edges, loaded: new Map(loaded.map((t) => [t.id, t])) };
}

/** Board positions: a new card, or one that changes column, goes to the end of its column. */
function rankAllocator(loaded: Iterable<LoadedTask>) {
  const last = new Map<TaskStatus, number>();
  for (const task of loaded) last.set(task.status, Math.max(last.get(task.status) ?? 0, task.rank));
  return (status: TaskStatus) => {
    const rank = (last.get(status) ?? 0) + 1;
    last.set(status, rank);
    return rank;
  };
}

async function replaceHelpers(tx: Transaction, rows: { taskId: string; helperIds: string[] }[], clearFirst: boolean) {
  if (clearFirst) for (const part of chunks(rows)) await tx.delete(taskHelpers).where(inArray(taskHelpers.taskId, part.map((r) => r.taskId)));
  const links = rows.flatMap(({ taskId, helperIds }) => helperIds.map((userId) => ({ taskId, userId })));
  for (const part of chunks(links, 2 * CHUNK)) await tx.insert(taskHelpers).values(part);
}

async function insertTasks(tx: Transaction, actor: Actor, spaceId: string, creates: readonly PlannedCreate[], firstNumber: number, nextRank: (s: TaskStatus) => number) {
  const now = new Date();
  const rows: (NewTaskRow & { id: string })[] = creates.map(({ fields }, i) => ({
    ...fields, ...taskSearchColumns({ ...fields, description: null }), id: randomUUID(), spaceId, number: firstNumber + i, rank: nextRank(fields.status),
    completedAt: fields.status === 'done' ? now : null, createdBy: actorId(actor),
  }));
  for (const part of chunks(rows)) await tx.insert(tasks).values(part);
  await replaceHelpers(tx, rows.map((row, i) => ({ taskId: row.id, helperIds: creates[i]!.helperIds })), false);
}

/**
 * Writes many changed tasks with one statement per chunk (UPDATE … FROM VALUES). Each row carries
 * the task's final values: the space is locked since they were read, so the fields a row did not
 * change are written back as they are.
 */
async function updateTasks(tx: Transaction, spaceId: string, updates: readonly PlannedUpdate[], loaded: ReadonlyMap<string, LoadedTask>, nextRank: (s: TaskStatus) => number) {
  const now = new Date();
  const rows = updates.filter((u) => Object.keys(u.changes).length).map(({ task, changes }) => {
    const before = loaded.get(task.id)!;
    const after: TaskFields = { ...before, deliveryStandard: before.deliveryStandard as TaskFields['deliveryStandard'], ...changes };
    const statusChanged = after.status !== before.status;
    const completedAt = after.status === 'done' ? (before.status === 'done' ? before.completedAt : now) : null;
    return sql`(${task.id}::uuid, ${after.name}::text, ${after.priority}::text, ${after.status}::text, ${after.startDate}::date, ${after.dueDate}::date,
      ${after.assigneeId}::uuid, ${after.departmentId}::uuid, ${after.deliverable}::text, ${after.notes}::text,
      ${after.deliveryStandard ? JSON.stringify(after.deliveryStandard) : null}::jsonb,
      ${statusChanged ? nextRank(after.status) : before.rank}::double precision, ${completedAt?.toISOString() ?? null}::timestamptz)`;
  });
  for (const part of chunks(rows)) {
    const values = sql`(values ${sql.join(part, sql`, `)}) as v(id, name, priority, status, start_date, due_date, assignee_id, department_id, deliverable, notes, delivery_standard, rank, completed_at)`;
    await tx
      .update(tasks)
      .set({
        name: sql`v.name`, priority: sql`v.priority`, status: sql`v.status`, startDate: sql`v.start_date`, dueDate: sql`v.due_date`,
        assigneeId: sql`v.assignee_id`, departmentId: sql`v.department_id`, deliverable: sql`v.deliverable`, notes: sql`v.notes`,
        deliveryStandard: sql`v.delivery_standard`, rank: sql`v.rank`, completedAt: sql`v.completed_at`, updatedAt: now,
      })
      .where(and(eq(tasks.spaceId, spaceId), eq(tasks.id, sql`v.id`)))
      .from(values);
  }
  // Only the name and the delivery standard come from the sheet; the description is read back.
  const textChanged = updates.filter((u) => u.changes.name !== undefined || u.changes.deliveryStandard !== undefined).map((u) => u.task.id);
  await refreshTaskSearch(tx, spaceId, textChanged);
  const helperChanges = updates.flatMap((u) => (u.helperIds ? [{ taskId: u.task.id, helperIds: u.helperIds }] : []));
  await replaceHelpers(tx, helperChanges, true);
}

/**
 * Imports a 跨部门任务表 (.xlsx) into a space. Every row is checked first, against the same rules
 * as the task form; any problem refuses the whole file with every problem listed by row and
 * column (`InvalidRows`). Otherwise rows with a 编号 update their task where they differ, rows
 * without one create tasks, all in one transaction with one audit entry. Dependencies stay as
 * they are (tasks waiting on a task moved later move with it).
 */
export async function importTaskTable(actor: Actor, spaceId: string, bytes: Uint8Array): Promise<TaskImportResult> {
  const db = await getDb();
  // Outsiders and observers are answered before the file is read.
  await authorizeImport(db, actor, spaceId);
  const sheet = await readTaskSheet(bytes);
  return db.transaction(async (tx) => {
    const { space } = await authorizeImport(tx, actor, spaceId, { lock: true });
    const { context, edges, loaded } = await loadImportContext(tx, space);
    const plan = planTaskImport(sheet, context);
    if (plan.problems.length) throw InvalidRows(plan.problems, 'sheets.rowsInvalid');
    const scheduled = scheduleImport(plan.updates, context.tasks, edges);
    if (scheduled.problems.length) throw InvalidRows(scheduled.problems, 'sheets.rowsInvalid');

    const nextRank = rankAllocator(loaded.values());
    const firstNumber = context.tasks.reduce((highest, t) => Math.max(highest, t.number), 0) + 1;
    await insertTasks(tx, actor, spaceId, plan.creates, firstNumber, nextRank);
    await updateTasks(tx, spaceId, scheduled.updates, loaded, nextRank);
    const result = { created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged, rescheduled: scheduled.rescheduled };
    await recordAudit(tx, actor, { organizationId: space.organizationId, spaceId, action: 'task.import', targetType: 'space', targetId: spaceId, data: result });
    if (result.created + result.updated + result.rescheduled) await announceManyTaskChanges(tx, actor, spaceId);
    return result;
  });
}
