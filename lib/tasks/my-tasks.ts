import { and, asc, count, desc, eq, exists, ne, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { spaceMembers, spaces, taskHelpers, tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';

export const MY_TASKS_PAGE_SIZE = 30;

/**
 * 我的任务: tasks across the user's active spaces where they are the assignee or a helper,
 * unfinished ones by default, overdue first, then by due date.
 */
export async function listMyTasks(actor: Actor, options: { includeDone?: boolean; page?: number; limit?: number }, today: string) {
  if (actor.kind !== 'user') return { rows: [], total: 0, page: 1 };
  const userId = actor.user.id;
  const page = Math.max(1, options.page ?? 1);
  const limit = options.limit ?? MY_TASKS_PAGE_SIZE;
  const isHelper = exists(sql`(select 1 from ${taskHelpers} where ${taskHelpers.taskId} = ${tasks.id} and ${taskHelpers.userId} = ${userId})`);
  const where = and(
    or(eq(tasks.assigneeId, userId), isHelper),
    eq(spaces.status, 'active'),
    // Only spaces the user still belongs to: a removed member no longer sees their old tasks there.
    exists(sql`(select 1 from ${spaceMembers} where ${spaceMembers.spaceId} = ${tasks.spaceId} and ${spaceMembers.userId} = ${userId})`),
    options.includeDone ? undefined : ne(tasks.status, 'done'),
  );
  const overdue = sql<boolean>`(${tasks.status} <> 'done' and ${tasks.dueDate} < ${today})`;
  const db = await getDb();
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: tasks.id, number: tasks.number, name: tasks.name, status: tasks.status, priority: tasks.priority, dueDate: tasks.dueDate,
        isMilestone: tasks.isMilestone, spaceId: spaces.id, spaceName: spaces.name, isAssignee: sql<boolean>`${tasks.assigneeId} = ${userId}`, overdue,
      })
      .from(tasks)
      .innerJoin(spaces, eq(spaces.id, tasks.spaceId))
      .where(where)
      .orderBy(desc(overdue), asc(tasks.dueDate), asc(spaces.name), asc(tasks.number))
      .limit(limit)
      .offset((page - 1) * limit),
    db.select({ n: count() }).from(tasks).innerJoin(spaces, eq(spaces.id, tasks.spaceId)).where(where),
  ]);
  return { rows, total: total!.n, page };
}
export type MyTaskRow = Awaited<ReturnType<typeof listMyTasks>>['rows'][number];
