import { and, eq, inArray, isNull, lte, ne } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { commentAwaits, comments } from '@/db/schema';
import { responseDueAt } from './response-clock';
import type { CommentTargetType } from './rules';
import type { ResponseRule } from './settings';

/** Starts waiting for these people's answer to a comment, due by the space's rule counted from `from`. */
export async function startAwaiting(tx: Transaction, commentId: string, userIds: readonly string[], rule: ResponseRule, from: Date): Promise<string[]> {
  if (!userIds.length) return [];
  const dueAt = responseDueAt(from, rule.responseHours, rule.workingHoursOnly, rule.timeZone);
  const rows = await tx.insert(commentAwaits).values(userIds.map((userId) => ({ commentId, userId, dueAt })))
    .onConflictDoNothing().returning({ userId: commentAwaits.userId });
  return rows.map((row) => row.userId);
}

/** Stops waiting, unanswered, for these people (mentions an edit took out, a deleted comment). */
export async function stopAwaiting(tx: Transaction, commentId: string, userIds?: readonly string[]): Promise<void> {
  if (userIds && !userIds.length) return;
  await tx.delete(commentAwaits).where(and(
    eq(commentAwaits.commentId, commentId),
    isNull(commentAwaits.resolvedAt),
    userIds ? inArray(commentAwaits.userId, [...userIds]) : undefined,
  ));
}

/**
 * Someone who writes on a target has answered what was waiting for them there: a reply in the
 * thread or any later comment on the same task or file counts, so nobody has to find the right
 * thread to be off the hook.
 */
export async function resolveByReply(tx: Transaction, comment: { id: string; spaceId: string; targetType: CommentTargetType; targetId: string; authorId: string | null; createdAt: Date }): Promise<void> {
  if (!comment.authorId) return;
  const earlier = tx.select({ id: comments.id }).from(comments).where(and(
    eq(comments.spaceId, comment.spaceId),
    eq(comments.targetType, comment.targetType),
    eq(comments.targetId, comment.targetId),
    lte(comments.createdAt, comment.createdAt),
    ne(comments.id, comment.id),
  ));
  await tx.update(commentAwaits).set({ resolvedAt: comment.createdAt, resolution: 'replied' }).where(and(
    eq(commentAwaits.userId, comment.authorId),
    isNull(commentAwaits.resolvedAt),
    inArray(commentAwaits.commentId, earlier),
  ));
}
