import { and, asc, eq, ne } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { spaces, tasks, users } from '@/db/schema';

type Executor = Pick<Database | Transaction, 'select'>;

/**
 * Open tasks whose assignee has been deactivated (a leaver): they need a new assignee. Derived, not
 * stored, so it stays true until someone reassigns or completes the task, whoever deactivated the person.
 */
export async function tasksNeedingReassignment(executor: Executor, scope: { spaceId: string } | { organizationId: string }) {
  return executor
    .select({
      id: tasks.id, spaceId: tasks.spaceId, number: tasks.number, name: tasks.name, status: tasks.status,
      dueDate: tasks.dueDate, assigneeId: tasks.assigneeId, assigneeName: users.name,
    })
    .from(tasks)
    .innerJoin(users, eq(users.id, tasks.assigneeId))
    .innerJoin(spaces, eq(spaces.id, tasks.spaceId))
    .where(and(
      'spaceId' in scope ? eq(tasks.spaceId, scope.spaceId) : eq(spaces.organizationId, scope.organizationId),
      ne(tasks.status, 'done'), eq(users.isActive, false),
    ))
    .orderBy(asc(tasks.spaceId), asc(tasks.number));
}
