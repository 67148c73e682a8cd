import { and, eq, sql, type SQL } from 'drizzle-orm';
import { getDb, type Database } from '@/db/client';
import { taskDependencies, tasks, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorizeSpace } from '@/lib/spaces/access';
import { criticalTaskIds } from './critical-path';
import { taskFilterConditions } from './queries';
import type { TaskStatus } from './rules';
import type { ScheduledTask } from './schedule';
import type { ParsedTaskListFilters } from './schema';

/** One row of the Gantt chart: what a bar, its label and its tooltip show, nothing more. */
export interface GanttTask {
  id: string;
  number: number;
  name: string;
  status: TaskStatus;
  startDate: string | null;
  dueDate: string;
  isMilestone: boolean;
  assigneeName: string;
  parentId: string | null;
  /** How deep the row sits under its parents among the rows shown (0: top level). */
  depth: number;
}

/** A finish-to-start arrow between two rows shown, by task number: `to` waits for `from`. */
export interface GanttLink {
  from: number;
  to: number;
}

export interface GanttData {
  /** The tasks matching the filters, each parent followed by its subtasks, by number. */
  tasks: GanttTask[];
  links: GanttLink[];
  /** Numbers of the rows shown that are on the space's critical path. */
  critical: number[];
  /** Tasks in the space before filtering: tells "no tasks yet" from "none match". */
  total: number;
}

/**
 * Rows in display order, by number with each parent followed by its subtasks, and their depth set.
 * A row whose parent is not shown (or sits in a loop of bad data) starts a tree of its own.
 */
export function orderAsTree(rows: readonly GanttTask[]): GanttTask[] {
  const byNumber = [...rows].sort((a, b) => a.number - b.number);
  const ids = new Set(byNumber.map((r) => r.id));
  const children = new Map<string, GanttTask[]>();
  for (const row of byNumber) {
    if (row.parentId && ids.has(row.parentId)) (children.get(row.parentId) ?? children.set(row.parentId, []).get(row.parentId)!).push(row);
  }
  if (!children.size) return byNumber;
  const ordered: GanttTask[] = [];
  const placed = new Set<string>();
  const place = (root: GanttTask) => {
    const stack: [GanttTask, number][] = [[root, 0]];
    while (stack.length) {
      const [row, depth] = stack.pop()!;
      if (placed.has(row.id)) continue;
      placed.add(row.id);
      ordered.push(depth === row.depth ? row : { ...row, depth });
      const kids = children.get(row.id) ?? [];
      for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, depth + 1]);
    }
  };
  for (const row of byNumber) if (!row.parentId || !ids.has(row.parentId)) place(row);
  for (const row of byNumber) place(row);
  return ordered;
}

const readEdges = (db: Database, spaceId: string) =>
  db.select({ taskId: taskDependencies.taskId, dependsOnId: taskDependencies.dependsOnId }).from(taskDependencies).where(eq(taskDependencies.spaceId, spaceId));

/**
 * Rows as tuples in one JSON value built by the database: PGlite decodes one value far faster than
 * thousands of rows of them (5,000 tasks: ~25 ms instead of ~75 ms), and Postgres does not mind.
 */
function jsonTuples(columns: SQL[]) {
  return sql<string>`coalesce(json_agg(json_build_array(${sql.join(columns, sql`, `)})), '[]')::text`;
}

/** What the chart learns after a task's dates changed. */
export interface RescheduleResult {
  task: ScheduledTask;
  /** Tasks that waited on it and moved later with it. */
  rescheduled: ScheduledTask[];
  /** The space's critical path afterwards, by task number. */
  critical: number[];
}

type RowTuple = [string, number, string, TaskStatus, string | null, string, boolean, string, string | null, boolean];

/** Every task of the space, with whether it matches the filters (the critical path is the whole space's). */
async function readRows(db: Database, spaceId: string, filters: ParsedTaskListFilters, today: string) {
  const conditions = taskFilterConditions(filters, today);
  const shown = conditions.length ? sql`(${and(...conditions)})` : sql`true`;
  const [result] = await db
    .select({
      rows: jsonTuples([
        sql`${tasks.id}`, sql`${tasks.number}`, sql`${tasks.name}`, sql`${tasks.status}`, sql`${tasks.startDate}`, sql`${tasks.dueDate}`,
        sql`${tasks.isMilestone}`, sql`${users.name}`, sql`${tasks.parentId}`, shown,
      ]),
    })
    .from(tasks)
    .innerJoin(users, eq(users.id, tasks.assigneeId))
    .where(eq(tasks.spaceId, spaceId));
  return (JSON.parse(result!.rows) as RowTuple[]).map(([id, number, name, status, startDate, dueDate, isMilestone, assigneeName, parentId, shown]) => ({
    task: { id, number, name, status, startDate, dueDate, isMilestone, assigneeName, parentId, depth: 0 } satisfies GanttTask,
    shown,
  }));
}

/**
 * The space's tasks as Gantt rows, filtered like the list and board, with the arrows between rows
 * shown and the critical path of the whole space (404 for outsiders).
 */
export async function getGanttData(actor: Actor, spaceId: string, filters: ParsedTaskListFilters, today: string): Promise<GanttData> {
  const db = await getDb();
  await authorizeSpace(db, actor, spaceId, 'space.view');
  const [rows, edges] = await Promise.all([readRows(db, spaceId, filters, today), readEdges(db, spaceId)]);
  const critical = criticalTaskIds(rows.map((r) => r.task), edges);
  const shownRows = rows.filter((r) => r.shown).map((r) => r.task);
  const numberOf = new Map(shownRows.map((r) => [r.id, r.number]));
  const links: GanttLink[] = [];
  for (const edge of edges) {
    const from = numberOf.get(edge.dependsOnId);
    const to = numberOf.get(edge.taskId);
    if (from !== undefined && to !== undefined) links.push({ from, to });
  }
  return {
    tasks: orderAsTree(shownRows),
    links,
    critical: shownRows.filter((r) => critical.has(r.id)).map((r) => r.number),
    total: rows.length,
  };
}

/** The numbers of a space's tasks on its critical path, after a change of dates. */
export async function getCriticalNumbers(actor: Actor, spaceId: string): Promise<number[]> {
  const db = await getDb();
  await authorizeSpace(db, actor, spaceId, 'space.view');
  const [[result], edges] = await Promise.all([
    db.select({ rows: jsonTuples([sql`${tasks.id}`, sql`${tasks.number}`, sql`${tasks.startDate}`, sql`${tasks.dueDate}`]) }).from(tasks).where(eq(tasks.spaceId, spaceId)),
    readEdges(db, spaceId),
  ]);
  const rows = (JSON.parse(result!.rows) as [string, number, string | null, string][]).map(([id, number, startDate, dueDate]) => ({ id, number, startDate, dueDate }));
  const critical = criticalTaskIds(rows, edges);
  return rows.filter((r) => critical.has(r.id)).map((r) => r.number).sort((a, b) => a - b);
}
