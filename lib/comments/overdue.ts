import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { getDb, type Database, type Transaction } from '@/db/client';
import { commentAwaits, comments, spaces, users } from '@/db/schema';
import { userActor } from '@/lib/auth/actor';
import { notifyUsers } from '@/lib/notify/service';
import { openAwaits } from './awaiting-list';
import { AWAITING_PER_PERSON_MAX, isOverdue, type CommentTargetType } from './rules';
import { responseRuleOf } from './settings';
import { commentHref, findCommentTarget } from './targets';

type Executor = Pick<Database | Transaction, 'select'>;

// Flagged and notified in batches, so a backlog after downtime never holds one huge transaction.
const SWEEP_BATCH = 200;

/** One batch: claim overdue waits nobody has flagged yet, and notify each person of theirs. */
async function flagBatch(tx: Transaction, now: Date): Promise<number> {
  const claimable = tx.select({ commentId: commentAwaits.commentId, userId: commentAwaits.userId }).from(commentAwaits)
    .where(and(isNull(commentAwaits.resolvedAt), isNull(commentAwaits.overdueNotifiedAt), lt(commentAwaits.dueAt, now)))
    .limit(SWEEP_BATCH);
  // The conditional UPDATE decides who notifies: a racing process finds the rows already flagged
  // (re-checked after the lock) and gets nothing back.
  const claimed = await tx.update(commentAwaits).set({ overdueNotifiedAt: now })
    .where(and(
      sql`(${commentAwaits.commentId}, ${commentAwaits.userId}) in (${claimable})`,
      isNull(commentAwaits.overdueNotifiedAt), isNull(commentAwaits.resolvedAt),
    ))
    .returning({ commentId: commentAwaits.commentId, userId: commentAwaits.userId });
  const byComment = new Map<string, string[]>();
  for (const row of claimed) byComment.set(row.commentId, [...(byComment.get(row.commentId) ?? []), row.userId]);
  for (const [commentId, userIds] of byComment) await notifyOverdue(tx, commentId, userIds);
  return claimed.length;
}

/** Reminds these people that a comment's answer is overdue, in its author's name. */
async function notifyOverdue(tx: Transaction, commentId: string, userIds: string[]): Promise<void> {
  const [row] = await tx.select({ comment: comments, organizationId: spaces.organizationId, author: { id: users.id, organizationId: users.organizationId, isOrgAdmin: users.isOrgAdmin } })
    .from(comments).innerJoin(spaces, eq(spaces.id, comments.spaceId)).leftJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.id, commentId));
  if (!row || row.comment.deletedAt || !row.author) return;
  const target = await findCommentTarget(tx, row.comment.targetType, row.comment.targetId).catch(() => null);
  if (!target) return;
  const rule = await responseRuleOf(tx, row.comment.spaceId);
  await notifyUsers(tx, userActor(row.author), userIds, {
    organizationId: row.organizationId, spaceId: row.comment.spaceId, kind: 'comment.overdue',
    data: { target: target.name, hours: rule.responseHours }, href: commentHref(target, commentId), dedupeKey: `comment-overdue:${commentId}`,
  });
}

/**
 * Flags every wait that is overdue at `now` and notifies each awaited person once. Idempotent and
 * safe to run from several processes at once; call it from a periodic job. Returns how many it flagged.
 */
export async function flagOverdueComments(now: Date): Promise<number> {
  const db = await getDb();
  let total = 0;
  for (;;) {
    const flagged = await db.transaction((tx) => flagBatch(tx, now));
    total += flagged;
    if (flagged < SWEEP_BATCH) return total;
  }
}

/** A comment waiting for one person's answer, as the daily digest and the 待回复 lists show it. */
export interface AwaitingResponse {
  commentId: string;
  targetType: CommentTargetType;
  targetId: string;
  targetName: string;
  authorName: string | null;
  dueAt: Date;
  overdue: boolean;
}

/**
 * What waits for each of these people's answer in one space: at most 20 each, overdue first
 * (earliest due first). People with nothing waiting are absent from the map.
 */
export async function awaitingResponsesFor(executor: Executor, spaceId: string, userIds: string[], now: Date): Promise<Map<string, AwaitingResponse[]>> {
  const result = new Map<string, AwaitingResponse[]>();
  if (!userIds.length) return result;
  const ranked = executor.select({
    commentId: commentAwaits.commentId, userId: commentAwaits.userId,
    rank: sql<number>`row_number() over (partition by ${commentAwaits.userId} order by ${commentAwaits.dueAt}, ${commentAwaits.commentId})`.as('rank'),
  }).from(commentAwaits)
    .innerJoin(comments, and(eq(comments.id, commentAwaits.commentId), isNull(comments.deletedAt)))
    .where(and(eq(comments.spaceId, spaceId), inArray(commentAwaits.userId, userIds), isNull(commentAwaits.resolvedAt)))
    .as('ranked');
  const firstOnes = executor.select({ commentId: ranked.commentId, userId: ranked.userId }).from(ranked).where(sql`${ranked.rank} <= ${AWAITING_PER_PERSON_MAX}`);
  const rows = await openAwaits(executor, and(eq(comments.spaceId, spaceId), sql`(${commentAwaits.commentId}, ${commentAwaits.userId}) in (${firstOnes})`), userIds.length * AWAITING_PER_PERSON_MAX);
  for (const row of rows) {
    const list = result.get(row.userId) ?? [];
    list.push({
      commentId: row.commentId, targetType: row.targetType, targetId: row.targetId, targetName: row.targetName,
      authorName: row.authorName, dueAt: row.dueAt, overdue: isOverdue({ dueAt: row.dueAt, resolvedAt: null }, now),
    });
    result.set(row.userId, list);
  }
  return result;
}
