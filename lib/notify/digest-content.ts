import type { DigestAudience } from './rules';

// What one person's daily digest of one space says: pure, so the rules are tested without a clock.

export interface DigestTask {
  id: string;
  number: number;
  name: string;
  status: string;
  dueDate: string;
  assigneeId: string;
  helperIds: string[];
  departmentId: string | null;
  /** The open issue-tracking entry of a blocked task. */
  issue: { reason: string; proposedSolution: string } | null;
}

export interface AwaitingComment {
  commentId: string;
  targetName: string;
  authorName: string | null;
  overdue: boolean;
}

export interface DigestRecipient {
  userId: string;
  isAdmin: boolean;
  departmentId: string | null;
}

export interface Digest {
  userId: string;
  overdue: DigestTask[];
  dueToday: DigestTask[];
  blocked: DigestTask[];
  /** Unfinished, due later: counted, the nearest few listed. */
  upcoming: DigestTask[];
  awaiting: AwaitingComment[];
}

/** How many lines each section lists; the counts are always whole. */
export const DIGEST_SECTION_MAX = 10;

export function digestSummary(digest: Digest): Record<'overdue' | 'dueToday' | 'blocked' | 'upcoming' | 'awaiting', number> {
  return { overdue: digest.overdue.length, dueToday: digest.dueToday.length, blocked: digest.blocked.length, upcoming: digest.upcoming.length, awaiting: digest.awaiting.length };
}

export const isEmptyDigest = (digest: Digest) => Object.values(digestSummary(digest)).every((n) => n === 0);

/**
 * Which unfinished tasks concern a recipient under the schedule's audiences: their own (as
 * assignee or helper), their department's (when departments are chosen), or — for the space's
 * admins when admins are an audience — every task of the space.
 */
export function tasksFor(recipient: DigestRecipient, tasks: readonly DigestTask[], audiences: readonly DigestAudience[], departmentIds: readonly string[]): DigestTask[] {
  if (recipient.isAdmin && audiences.includes('admins')) return [...tasks];
  const byDepartment = recipient.departmentId !== null && departmentIds.includes(recipient.departmentId);
  return tasks.filter((task) =>
    (audiences.includes('assignees') && task.assigneeId === recipient.userId)
    || (audiences.includes('helpers') && task.helperIds.includes(recipient.userId))
    || (byDepartment && task.departmentId === recipient.departmentId));
}

/** Sorts a recipient's tasks into the digest's sections: overdue first (oldest due first), due today, blocked, later. */
export function buildDigest(userId: string, tasks: readonly DigestTask[], awaiting: readonly AwaitingComment[], today: string): Digest {
  const byDue = [...tasks].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number - b.number);
  // A blocked task that is also late is listed as late, and again with its issue under blocked.
  return {
    userId,
    overdue: byDue.filter((task) => task.dueDate < today),
    dueToday: byDue.filter((task) => task.dueDate === today),
    blocked: byDue.filter((task) => task.status === 'blocked'),
    upcoming: byDue.filter((task) => task.dueDate > today && task.status !== 'blocked'),
    awaiting: [...awaiting].sort((a, b) => Number(b.overdue) - Number(a.overdue)),
  };
}

/** Who a schedule reaches among the space's members: its audiences and the members of its departments. */
export function digestRecipients(members: readonly DigestRecipient[], tasks: readonly DigestTask[], audiences: readonly DigestAudience[], departmentIds: readonly string[]): DigestRecipient[] {
  const assignees = new Set(audiences.includes('assignees') ? tasks.map((t) => t.assigneeId) : []);
  const helpers = new Set(audiences.includes('helpers') ? tasks.flatMap((t) => t.helperIds) : []);
  return members.filter((m) => assignees.has(m.userId) || helpers.has(m.userId)
    || (m.isAdmin && audiences.includes('admins'))
    || (m.departmentId !== null && departmentIds.includes(m.departmentId)));
}
