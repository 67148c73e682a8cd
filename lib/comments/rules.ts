// Client-safe facts about comments (评论) and the response rule (24 小时回复).

/** What a comment can be on: a task, a file, or a space's knowledge-base page. */
export const COMMENT_TARGET_TYPES = ['task', 'file', 'kbPage'] as const;
export type CommentTargetType = (typeof COMMENT_TARGET_TYPES)[number];

/** How an awaited person stopped being awaited: they answered, or said it needs no answer (处理完毕). */
export const AWAIT_RESOLUTIONS = ['replied', 'handled'] as const;
export type AwaitResolution = (typeof AWAIT_RESOLUTIONS)[number];

export const COMMENT_BODY_MAX = 5000;
export const RESPONSE_HOURS_DEFAULT = 24;
export const RESPONSE_HOURS_MIN = 1;
export const RESPONSE_HOURS_MAX = 168;
/** The awaiting list and the digest show this many per person at most, overdue first. */
export const AWAITING_PER_PERSON_MAX = 20;

/**
 * Who a new comment waits for: each member it mentions, and a task's assignee when someone else
 * writes on the task. Never its author.
 */
export function awaitedBy(input: { authorId: string; mentionedIds: readonly string[]; assigneeId: string | null }): string[] {
  const ids = new Set(input.mentionedIds);
  if (input.assigneeId) ids.add(input.assigneeId);
  ids.delete(input.authorId);
  return [...ids];
}

/** Overdue: still unanswered after its due time. */
export function isOverdue(awaiting: { dueAt: Date; resolvedAt: Date | null }, now: Date): boolean {
  return awaiting.resolvedAt === null && awaiting.dueAt.getTime() < now.getTime();
}

/** Whole hours left before it is due (0 in the last hour), for "剩余 5 小时". */
export function hoursLeft(dueAt: Date, now: Date): number {
  return Math.max(0, Math.floor((dueAt.getTime() - now.getTime()) / 3_600_000));
}

/** Whole hours past its due time, for the admin's list. */
export function hoursOverdue(dueAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - dueAt.getTime()) / 3_600_000));
}
