import { and, asc, count, eq, isNotNull, lt, ne, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { departments, milestones, taskIssues, tasks } from '@/db/schema';
import { todayIn } from '@/lib/dates';
import { env } from '@/lib/env';
import { fillStatusCounts, groupDelayReasons, meanDays, onTimeRate } from './fact-rules';
import type { RetroFacts } from './rules';

/**
 * The retrospective's figures, computed in SQL from the space as it is at `now`:
 * - on time: a done task whose completion day (in `timeZone`) is on or before its due date;
 * - blocked: tasks with an issue-tracking entry (问题跟踪) at some point; an entry is blocked time
 *   from when it was raised until it was resolved (or `now`, while still open);
 * - departments: by the task's own department.
 */
export async function computeRetroFacts(
  executor: Database | Transaction,
  spaceId: string,
  { now = new Date(), timeZone = env.DEFAULT_TIME_ZONE }: { now?: Date; timeZone?: string } = {},
): Promise<RetroFacts> {
  const today = todayIn(timeZone, now);
  const inSpace = eq(tasks.spaceId, spaceId);
  const completedDay = sql`(${tasks.completedAt} at time zone ${timeZone})::date`;
  const [statusRows, [completion], [overdue], [blocked], reasonRows, departmentRows] = await Promise.all([
    executor.select({ status: tasks.status, n: count() }).from(tasks).where(inSpace).groupBy(tasks.status),
    executor
      .select({ onTime: sql<number>`count(*) filter (where ${tasks.completedAt} is not null and ${completedDay} <= ${tasks.dueDate})::int` })
      .from(tasks)
      .where(and(inSpace, eq(tasks.status, 'done'))),
    executor.select({ n: count() }).from(tasks).where(and(inSpace, ne(tasks.status, 'done'), lt(tasks.dueDate, today))),
    executor
      .select({
        tasks: sql<number>`count(distinct ${taskIssues.taskId})::int`,
        entries: count(),
        seconds: sql<number>`coalesce(sum(extract(epoch from (coalesce(${taskIssues.resolvedAt}, ${now.toISOString()}::timestamptz) - ${taskIssues.createdAt}))), 0)::float8`,
      })
      .from(taskIssues)
      .where(eq(taskIssues.spaceId, spaceId)),
    executor.select({ reason: milestones.delayReason }).from(milestones).where(and(eq(milestones.spaceId, spaceId), isNotNull(milestones.delayReason))),
    executor
      .select({
        departmentId: tasks.departmentId,
        name: departments.name,
        tasks: count(),
        done: sql<number>`count(*) filter (where ${tasks.status} = 'done')::int`,
      })
      .from(tasks)
      .leftJoin(departments, eq(departments.id, tasks.departmentId))
      .where(inSpace)
      .groupBy(tasks.departmentId, departments.name, departments.sortOrder)
      .orderBy(asc(departments.sortOrder), asc(departments.name)),
  ]);
  const byStatus = fillStatusCounts(statusRows);
  const totalTasks = Object.values(byStatus).reduce((sum, n) => sum + n, 0);
  return {
    asOf: today,
    totalTasks,
    byStatus,
    done: byStatus.done,
    doneOnTime: completion?.onTime ?? 0,
    onTimeRate: onTimeRate(byStatus.done, completion?.onTime ?? 0),
    overdueOpen: overdue?.n ?? 0,
    blockedTasks: blocked?.tasks ?? 0,
    blockedEntries: blocked?.entries ?? 0,
    meanBlockedDays: meanDays(Number(blocked?.seconds ?? 0), blocked?.entries ?? 0),
    delayReasons: groupDelayReasons(reasonRows.map((r) => r.reason)),
    departments: departmentRows.map((r) => ({ departmentId: r.departmentId, name: r.name, tasks: r.tasks, done: r.done })),
  };
}
