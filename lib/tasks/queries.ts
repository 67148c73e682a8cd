import { alias } from 'drizzle-orm/pg-core';
import { and, asc, count, desc, eq, exists, gte, ilike, inArray, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { departments, milestones, taskDependencies, taskHelpers, taskIssues, tasks, users, type Task } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { allowedSpaceActions, type SpaceAction } from '@/lib/auth/permissions';
import { Invalid, NotFound } from '@/lib/errors';
import { containsPattern } from '@/lib/like-pattern';
import { authorizeSpace } from '@/lib/spaces/access';
import { isUuid, parseInput } from '@/lib/validation';
import { TASK_PRIORITIES, TASK_STATUSES } from './rules';
import { taskListFiltersSchema, type ParsedTaskListFilters, type TaskListFilters, type TaskSort } from './schema';

const rankOf = (column: SQL | typeof tasks.priority, values: readonly string[]) =>
  sql.join([sql`(case ${column}`, ...values.map((v, i) => sql`when ${v} then ${sql.raw(String(i))}`), sql`end)`], sql` `);

/** How each sort orders rows, and the SQL type its cursor value is compared as. */
const sortColumns: Record<TaskSort, { expression: SQL; type: string }> = {
  number: { expression: sql`${tasks.number}`, type: 'integer' },
  dueDate: { expression: sql`${tasks.dueDate}`, type: 'date' },
  priority: { expression: rankOf(sql`${tasks.priority}`, TASK_PRIORITIES), type: 'integer' },
  status: { expression: rankOf(sql`${tasks.status}`, TASK_STATUSES), type: 'integer' },
  assignee: { expression: sql`${users.name}`, type: 'text' },
  updatedAt: { expression: sql`${tasks.updatedAt}`, type: 'timestamptz' },
};

/** A cursor is the last row's sort value and id: the next page starts strictly after it. */
function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && isUuid(value[1])) return [value[0], value[1]];
  } catch {
    // Reported below like any other bad cursor.
  }
  throw Invalid({ cursor: ['invalid'] });
}

/** The WHERE of the shared filter bar (without the space or person that scopes the list). */
export function taskFilterConditions(filters: ParsedTaskListFilters, today: string): SQL[] {
  const conditions: SQL[] = [];
  if (filters.assigneeId) conditions.push(eq(tasks.assigneeId, filters.assigneeId));
  if (filters.helperId) {
    conditions.push(exists(sql`(select 1 from ${taskHelpers} where ${taskHelpers.taskId} = ${tasks.id} and ${taskHelpers.userId} = ${filters.helperId})`));
  }
  if (filters.departmentId) conditions.push(eq(tasks.departmentId, filters.departmentId));
  if (filters.priority?.length) conditions.push(inArray(tasks.priority, filters.priority));
  if (filters.status?.length) conditions.push(inArray(tasks.status, filters.status));
  if (filters.dueFrom) conditions.push(gte(tasks.dueDate, filters.dueFrom));
  if (filters.dueTo) conditions.push(lte(tasks.dueDate, filters.dueTo));
  if (filters.overdue) conditions.push(lt(tasks.dueDate, today), ne(tasks.status, 'done'));
  if (filters.q) {
    const number = /^#?(\d{1,9})$/.exec(filters.q)?.[1];
    const byName = ilike(tasks.name, containsPattern(filters.q));
    conditions.push(number ? or(byName, eq(tasks.number, Number(number)))! : byName);
  }
  return conditions;
}

export const taskListColumns = {
  id: tasks.id,
  spaceId: tasks.spaceId,
  number: tasks.number,
  name: tasks.name,
  priority: tasks.priority,
  status: tasks.status,
  startDate: tasks.startDate,
  dueDate: tasks.dueDate,
  assigneeId: tasks.assigneeId,
  assigneeName: users.name,
  /** false for a leaver: the open task needs reassignment (lib/tasks/reassignment). */
  assigneeActive: users.isActive,
  departmentId: tasks.departmentId,
  departmentName: departments.name,
  deliverable: tasks.deliverable,
  notes: tasks.notes,
  parentId: tasks.parentId,
  milestoneId: tasks.milestoneId,
  isMilestone: tasks.isMilestone,
  rank: tasks.rank,
  completedAt: tasks.completedAt,
  createdAt: tasks.createdAt,
  updatedAt: tasks.updatedAt,
};

/** Helper (协助人) names of several tasks at once, by task id. */
export async function helpersOf(taskIds: readonly string[]): Promise<Map<string, { id: string; name: string }[]>> {
  const map = new Map<string, { id: string; name: string }[]>();
  if (!taskIds.length) return map;
  const db = await getDb();
  const rows = await db
    .select({ taskId: taskHelpers.taskId, id: users.id, name: users.name })
    .from(taskHelpers)
    .innerJoin(users, eq(users.id, taskHelpers.userId))
    .where(inArray(taskHelpers.taskId, [...taskIds]))
    .orderBy(asc(users.name));
  for (const { taskId, ...helper } of rows) (map.get(taskId) ?? map.set(taskId, []).get(taskId)!).push(helper);
  return map;
}

/** One page of tasks matching `scope` and the filters, in the chosen order, with the cursor of the next page. */
async function readTaskPage(scope: SQL, filters: ParsedTaskListFilters, today: string) {
  const { expression, type } = sortColumns[filters.sort];
  const conditions = [scope, ...taskFilterConditions(filters, today)];
  const where = and(...conditions);
  const pageConditions = [...conditions];
  if (filters.cursor) {
    const [value, id] = decodeCursor(filters.cursor);
    const after = filters.order === 'asc' ? sql`>` : sql`<`;
    pageConditions.push(sql`(${expression}, ${tasks.id}) ${after} (cast(${value} as ${sql.raw(type)}), cast(${id} as uuid))`);
  }
  const direction = filters.order === 'asc' ? asc : desc;
  const db = await getDb();
  const [rows, [total]] = await Promise.all([
    db
      .select({ ...taskListColumns, sortKey: sql<string>`(${expression})::text` })
      .from(tasks)
      .innerJoin(users, eq(users.id, tasks.assigneeId))
      .leftJoin(departments, eq(departments.id, tasks.departmentId))
      .where(and(...pageConditions))
      .orderBy(direction(expression), direction(tasks.id))
      .limit(filters.limit + 1),
    db.select({ n: count() }).from(tasks).innerJoin(users, eq(users.id, tasks.assigneeId)).where(where),
  ]);
  const page = rows.slice(0, filters.limit);
  const helpers = await helpersOf(page.map((r) => r.id));
  const last = page.at(-1);
  return {
    rows: page.map(({ sortKey: _sortKey, ...row }) => ({ ...row, helpers: helpers.get(row.id) ?? [] })),
    nextCursor: rows.length > filters.limit && last ? encodeCursor(last.sortKey, last.id) : null,
    total: total!.n,
  };
}
export type TaskListRow = Awaited<ReturnType<typeof readTaskPage>>['rows'][number];

/** The tasks of a space, filtered, sorted and a page at a time (cursor pagination). */
export async function listTasks(actor: Actor, spaceId: string, input: TaskListFilters | ParsedTaskListFilters, today: string) {
  const filters = parseInput(taskListFiltersSchema, input);
  const access = await authorizeSpace(await getDb(), actor, spaceId, 'space.view');
  return { ...(await readTaskPage(eq(tasks.spaceId, spaceId), filters, today)), space: access.space };
}

/** The task counts an overview shows: by status, overdue, open issue entries. */
export async function countTasks(actor: Actor, spaceId: string, today: string) {
  const db = await getDb();
  await authorizeSpace(db, actor, spaceId, 'space.view');
  const [byStatus, [overdue], [openIssues], nextMilestones] = await Promise.all([
    db.select({ status: tasks.status, n: count() }).from(tasks).where(eq(tasks.spaceId, spaceId)).groupBy(tasks.status),
    db.select({ n: count() }).from(tasks).where(and(eq(tasks.spaceId, spaceId), lt(tasks.dueDate, today), ne(tasks.status, 'done'))),
    db.select({ n: count() }).from(taskIssues).where(and(eq(taskIssues.spaceId, spaceId), eq(taskIssues.status, 'open'))),
    db
      .select({ id: milestones.id, phase: milestones.phase, name: milestones.name, plannedDate: milestones.plannedDate })
      .from(milestones)
      .where(and(eq(milestones.spaceId, spaceId), sql`${milestones.actualDate} is null`))
      .orderBy(asc(milestones.plannedDate))
      .limit(3),
  ]);
  const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, byStatus.find((r) => r.status === s)?.n ?? 0])) as Record<(typeof TASK_STATUSES)[number], number>;
  return { byStatus: counts, overdue: overdue!.n, openIssues: openIssues!.n, nextMilestones };
}

/** One task with everything its page and the API show, and what the actor may do with it. */
export async function getTask(actor: Actor, taskId: string): Promise<{
  task: Task & { assigneeName: string; assigneeActive: boolean; departmentName: string | null };
  helpers: { id: string; name: string }[];
  dependsOn: TaskRef[];
  dependents: TaskRef[];
  subtasks: TaskRef[];
  parent: TaskRef | null;
  issues: IssueRow[];
  allowed: Set<SpaceAction>;
}> {
  if (!isUuid(taskId)) throw NotFound();
  const db = await getDb();
  const [found] = await db.select({ spaceId: tasks.spaceId }).from(tasks).where(eq(tasks.id, taskId));
  if (!found) throw NotFound();
  const access = await authorizeSpace(db, actor, found.spaceId, 'space.view');
  const [row] = await db
    .select({ task: tasks, assigneeName: users.name, assigneeActive: users.isActive, departmentName: departments.name })
    .from(tasks)
    .innerJoin(users, eq(users.id, tasks.assigneeId))
    .leftJoin(departments, eq(departments.id, tasks.departmentId))
    .where(and(eq(tasks.id, taskId), eq(tasks.spaceId, found.spaceId)));
  if (!row) throw NotFound();
  const refColumns = { id: tasks.id, number: tasks.number, name: tasks.name, status: tasks.status, startDate: tasks.startDate, dueDate: tasks.dueDate };
  const [helpers, dependsOn, dependents, subtasks, parent, issues] = await Promise.all([
    helpersOf([taskId]).then((m) => m.get(taskId) ?? []),
    db.select(refColumns).from(taskDependencies).innerJoin(tasks, eq(tasks.id, taskDependencies.dependsOnId)).where(eq(taskDependencies.taskId, taskId)).orderBy(asc(tasks.number)),
    db.select(refColumns).from(taskDependencies).innerJoin(tasks, eq(tasks.id, taskDependencies.taskId)).where(eq(taskDependencies.dependsOnId, taskId)).orderBy(asc(tasks.number)),
    db.select(refColumns).from(tasks).where(and(eq(tasks.parentId, taskId), eq(tasks.spaceId, found.spaceId))).orderBy(asc(tasks.number)),
    row.task.parentId
      ? db.select(refColumns).from(tasks).where(and(eq(tasks.id, row.task.parentId), eq(tasks.spaceId, found.spaceId))).then((r) => r[0] ?? null)
      : Promise.resolve(null),
    readIssues(eq(taskIssues.taskId, taskId)),
  ]);
  return {
    task: { ...row.task, assigneeName: row.assigneeName, assigneeActive: row.assigneeActive, departmentName: row.departmentName },
    helpers, dependsOn, dependents, subtasks, parent, issues,
    allowed: allowedSpaceActions(actor, access),
  };
}

export interface TaskRef {
  id: string;
  number: number;
  name: string;
  status: Task['status'];
  startDate: string | null;
  dueDate: string;
}

/**
 * The ids of tasks a form names by number ("3, 5" or "#3 #5"), within one space. An unknown
 * number is reported on `field`; the service still checks the ids belong to the space.
 */
export async function taskIdsForNumbers(spaceId: string, text: unknown, field: string): Promise<string[]> {
  if (typeof text !== 'string' || !text.trim()) return [];
  const numbers = text.split(/[\s,，、#]+/).filter(Boolean);
  if (numbers.some((n) => !/^\d{1,9}$/.test(n)) || !isUuid(spaceId)) throw Invalid({ [field]: ['taskUnknown'] });
  const unique = [...new Set(numbers.map(Number))];
  const db = await getDb();
  const rows = await db.select({ id: tasks.id, number: tasks.number }).from(tasks).where(and(eq(tasks.spaceId, spaceId), inArray(tasks.number, unique)));
  if (rows.length !== unique.length) throw Invalid({ [field]: ['taskUnknown'] });
  return unique.map((n) => rows.find((r) => r.number === n)!.id);
}

/** Issue entries with their task and the names of who raised and resolved them: open ones first, oldest first; then resolved, newest first. */
export async function readIssues(where: SQL, page: { limit?: number; offset?: number } = {}) {
  const raiser = alias(users, 'raiser');
  const resolver = alias(users, 'resolver');
  const db = await getDb();
  return db
    .select({
      issue: taskIssues,
      task: { id: tasks.id, number: tasks.number, name: tasks.name, status: tasks.status },
      raisedByName: raiser.name,
      resolvedByName: resolver.name,
    })
    .from(taskIssues)
    .innerJoin(tasks, eq(tasks.id, taskIssues.taskId))
    .leftJoin(raiser, eq(raiser.id, taskIssues.raisedBy))
    .leftJoin(resolver, eq(resolver.id, taskIssues.resolvedBy))
    .where(where)
    .orderBy(sql`${taskIssues.status} = 'resolved'`, sql`case when ${taskIssues.status} = 'open' then ${taskIssues.createdAt} end`, desc(taskIssues.resolvedAt))
    .limit(page.limit ?? 1000)
    .offset(page.offset ?? 0);
}
export type IssueRow = Awaited<ReturnType<typeof readIssues>>[number];
