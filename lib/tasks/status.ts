import { and, eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { taskIssues, type Task, type TaskStatus } from '@/db/schema';
import { actorId, type Actor } from '@/lib/auth/actor';
import { Invalid } from '@/lib/errors';
import type { TaskIssueInput } from './schema';

/** What a status change asks for, besides the status itself. */
export interface StatusChange {
  status: TaskStatus;
  /** A new issue-tracking entry (required to block a task that has no open entry). */
  issue?: { reason: string; proposedSolution: string };
  /** Leaving 阻塞: resolve the open entries with this text… */
  resolution?: string | null;
  /** …or keep them open on purpose. */
  keepIssueOpen?: boolean;
}

export const issueRequiredErrors = { 'issue.reason': ['issueReasonRequired'], 'issue.proposedSolution': ['issueSolutionRequired'] };

async function openIssueIds(tx: Transaction, taskId: string): Promise<string[]> {
  const rows = await tx.select({ id: taskIssues.id }).from(taskIssues).where(and(eq(taskIssues.taskId, taskId), eq(taskIssues.status, 'open')));
  return rows.map((r) => r.id);
}

export async function recordTaskIssue(tx: Transaction, actor: Actor, task: Pick<Task, 'id' | 'spaceId'>, issue: Required<TaskIssueInput>) {
  const [row] = await tx
    .insert(taskIssues)
    .values({ spaceId: task.spaceId, taskId: task.id, reason: issue.reason, proposedSolution: issue.proposedSolution, raisedBy: actorId(actor) })
    .returning();
  return row!;
}

/** The columns that close an issue entry: how, by whom, when. */
export const resolvedIssue = (actor: Actor, resolution: string) =>
  ({ status: 'resolved' as const, resolution, resolvedBy: actorId(actor), resolvedAt: new Date() });

/** Resolves every open entry of a task with one resolution. */
export async function resolveOpenIssues(tx: Transaction, actor: Actor, taskId: string, resolution: string) {
  await tx
    .update(taskIssues)
    .set(resolvedIssue(actor, resolution))
    .where(and(eq(taskIssues.taskId, taskId), eq(taskIssues.status, 'open')));
}

/**
 * Applies the issue-tracking rules of a status change and returns the columns to write:
 * a blocked task always has an open entry (a new one, or one kept open earlier); leaving 阻塞
 * resolves the open entries or keeps them, as the person said; done stamps the completion time.
 */
export async function applyStatusChange(tx: Transaction, actor: Actor, task: Task, change: StatusChange) {
  const open = await openIssueIds(tx, task.id);
  if (change.status === 'blocked') {
    if (change.issue) await recordTaskIssue(tx, actor, task, change.issue);
    else if (!open.length) throw Invalid(issueRequiredErrors, 'blockedNeedsIssue');
  } else if (task.status === 'blocked' && open.length) {
    if (change.resolution) await resolveOpenIssues(tx, actor, task.id, change.resolution);
    else if (!change.keepIssueOpen) throw Invalid({ resolution: ['unblockOutcomeRequired'] }, 'unblockOutcomeRequired');
  }
  const completedAt = change.status === 'done' ? (task.status === 'done' ? task.completedAt : new Date()) : null;
  return { status: change.status, completedAt };
}
