import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { taskHelpers, type Space, type Task } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { notifyUsers, type NotificationDraft } from '@/lib/notify/service';

type TaskNotice = Pick<Task, 'id' | 'spaceId' | 'number' | 'name' | 'status' | 'assigneeId' | 'dueDate' | 'updatedAt'>;

/**
 * Tells the people of a task what concerns them after a create or an update: the new assignee
 * (important), new helpers, and — for those who want all messages — a status someone else changed.
 * Keys hold the task's update time: one notice per change, however often it is retried.
 * `helpersBefore` is who helped before the change; left out, the helpers did not change.
 */
export async function notifyTaskPeople(
  tx: Transaction, actor: Actor, space: Pick<Space, 'id' | 'organizationId' | 'name'>,
  before: TaskNotice | null, after: TaskNotice, helpersBefore?: readonly string[],
): Promise<void> {
  const helpers = await helperIdsOf(tx, after.id);
  const helpedBefore = helpersBefore ?? helpers;
  const draft = (kind: NotificationDraft['kind']): NotificationDraft => ({
    organizationId: space.organizationId, spaceId: space.id, kind,
    data: { name: after.name, number: after.number, status: after.status, dueDate: after.dueDate, spaceName: space.name },
    href: `/spaces/${space.id}/tasks/${after.id}`,
    dedupeKey: `task:${after.id}:${kind}:${after.updatedAt.getTime()}`,
  });
  if (after.assigneeId && after.assigneeId !== before?.assigneeId) await notifyUsers(tx, actor, [after.assigneeId], draft('task.assigned'));
  const newHelpers = helpers.filter((id) => !helpedBefore.includes(id));
  if (newHelpers.length) await notifyUsers(tx, actor, newHelpers, draft('task.helper'));
  if (before && before.status !== after.status) {
    const concerned = [...(after.assigneeId === before.assigneeId && after.assigneeId ? [after.assigneeId] : []), ...helpers.filter((id) => helpedBefore.includes(id))];
    await notifyUsers(tx, actor, concerned, draft('task.statusChanged'));
  }
}

export async function helperIdsOf(tx: Transaction, taskId: string): Promise<string[]> {
  return (await tx.select({ userId: taskHelpers.userId }).from(taskHelpers).where(eq(taskHelpers.taskId, taskId))).map((r) => r.userId);
}
