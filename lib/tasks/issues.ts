import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { taskIssues, tasks, type TaskIssue, type TaskIssueStatus } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { Conflict, NotFound } from '@/lib/errors';
import { authorizeSpace } from '@/lib/spaces/access';
import { isUuid, parseInput } from '@/lib/validation';
import { readIssues } from './queries';
import { resolveTaskIssueSchema, taskIssueSchema, type TaskIssueInput } from './schema';
import { updateTask, type UpdatedTask } from './service';
import { resolvedIssue } from './status';
import { announceTaskChanges } from './events';

/**
 * Blocks a task with a new issue-tracking entry (POST /tasks/{id}/blockers). A task that is
 * already blocked gets one more entry.
 */
export async function raiseTaskIssue(actor: Actor, taskId: string, input: TaskIssueInput): Promise<UpdatedTask> {
  const issue = parseInput(taskIssueSchema, input);
  return updateTask(actor, taskId, { status: 'blocked', issue });
}

/**
 * Records how an entry was resolved. When it was the last open entry of a blocked task, the task
 * goes back to 进行中: a blocked task always has an open entry explaining why.
 */
export async function resolveTaskIssue(actor: Actor, issueId: string, input: { resolution?: unknown }): Promise<TaskIssue> {
  const { resolution } = parseInput(resolveTaskIssueSchema, input);
  if (!isUuid(issueId)) throw NotFound();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [found] = await tx.select({ spaceId: taskIssues.spaceId }).from(taskIssues).where(eq(taskIssues.id, issueId));
    if (!found) throw NotFound();
    const { space } = await authorizeSpace(tx, actor, found.spaceId, 'task.changeStatus', { lock: true });
    const [issue] = await tx.select().from(taskIssues).where(and(eq(taskIssues.id, issueId), eq(taskIssues.spaceId, space.id)));
    if (!issue) throw NotFound();
    if (issue.status === 'resolved') throw Conflict('issueAlreadyResolved');
    const [resolved] = await tx
      .update(taskIssues)
      .set(resolvedIssue(actor, resolution))
      .where(and(eq(taskIssues.id, issueId), eq(taskIssues.spaceId, space.id)))
      .returning();
    const [stillOpen] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(taskIssues)
      .where(and(eq(taskIssues.taskId, issue.taskId), eq(taskIssues.status, 'open')));
    if (!stillOpen!.n) {
      await tx.update(tasks).set({ status: 'in_progress' }).where(and(eq(tasks.id, issue.taskId), eq(tasks.spaceId, space.id), eq(tasks.status, 'blocked')));
    }
    await recordAudit(tx, actor, {
      organizationId: space.organizationId, spaceId: space.id, action: 'task.issueResolve', targetType: 'task', targetId: issue.taskId,
      data: { issueId, resolution },
    });
    await announceTaskChanges(tx, actor, space.id, [issue.taskId]);
    return resolved!;
  });
}

export const TASK_ISSUES_PAGE_SIZE = 50;

/** The space's issue-tracking page: open entries first (oldest first: they have waited longest), then resolved ones. */
export async function listTaskIssues(actor: Actor, spaceId: string, options: { status?: TaskIssueStatus; page?: number } = {}) {
  await authorizeSpace(await getDb(), actor, spaceId, 'space.view');
  const page = Math.max(1, options.page ?? 1);
  const where = and(eq(taskIssues.spaceId, spaceId), options.status ? eq(taskIssues.status, options.status) : undefined)!;
  const rows = await readIssues(where, { limit: TASK_ISSUES_PAGE_SIZE + 1, offset: (page - 1) * TASK_ISSUES_PAGE_SIZE });
  return { rows: rows.slice(0, TASK_ISSUES_PAGE_SIZE), hasMore: rows.length > TASK_ISSUES_PAGE_SIZE, page };
}
