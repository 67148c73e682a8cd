import { and, asc, eq, ne } from 'drizzle-orm';
import { getDb, type Database, type Transaction } from '@/db/client';
import { spaces, tasks, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCanInOrg } from '@/lib/auth/permissions';

type Executor = Pick<Database | Transaction, 'select'>;

/**
 * Open tasks whose assignee has been deactivated (a leaver): they need a new assignee. Derived, not
 * stored, so it stays true until someone reassigns or completes the task, whoever deactivated the person.
 */
export async function tasksNeedingReassignment(executor: Executor, scope: { spaceId: string } | { organizationId: string }) {
  return executor
    .select({
      id: tasks.id, spaceId: tasks.spaceId, spaceName: spaces.name, number: tasks.number, name: tasks.name, status: tasks.status,
      dueDate: tasks.dueDate, assigneeId: tasks.assigneeId, assigneeName: users.name,
    })
    .from(tasks)
    .innerJoin(users, eq(users.id, tasks.assigneeId))
    .innerJoin(spaces, eq(spaces.id, tasks.spaceId))
    .where(and(
      'spaceId' in scope ? eq(tasks.spaceId, scope.spaceId) : eq(spaces.organizationId, scope.organizationId),
      ne(tasks.status, 'done'), eq(users.isActive, false),
    ))
    .orderBy(asc(spaces.name), asc(tasks.number))
    .limit(REASSIGNMENT_LIST_MAX);
}

/** The admin page lists this many at most; the space's task list filtered by assignee shows the rest. */
export const REASSIGNMENT_LIST_MAX = 200;

/** For organisation admins: every open task of a leaver in the organisation. */
export async function listTasksNeedingReassignment(actor: Actor, organizationId: string) {
  assertCanInOrg(actor, organizationId, 'org.manageUsers');
  return tasksNeedingReassignment(await getDb(), { organizationId });
}
