import { and, eq, inArray } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { comments, spaceMembers, type Comment } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { SpaceAction } from '@/lib/auth/permissions';
import { Invalid, NotFound } from '@/lib/errors';
import { mentionsOf } from '@/lib/chat/markdown';
import { authorizeSpace, type LoadedSpaceAccess } from '@/lib/spaces/access';
import { isUuid } from '@/lib/validation';
import { findCommentTarget, type CommentTarget } from './targets';

/** A live comment, its target and its space, with the actor's right in the space checked (404 for outsiders). */
export async function authorizeComment(tx: Transaction, actor: Actor, commentId: string, action: SpaceAction): Promise<{ comment: Comment; target: CommentTarget; access: LoadedSpaceAccess }> {
  if (!isUuid(commentId)) throw NotFound();
  const [found] = await tx.select({ spaceId: comments.spaceId }).from(comments).where(eq(comments.id, commentId));
  if (!found) throw NotFound();
  const access = await authorizeSpace(tx, actor, found.spaceId, action);
  const [comment] = await tx.select().from(comments).where(and(eq(comments.id, commentId), eq(comments.spaceId, access.space.id)));
  if (!comment || comment.deletedAt) throw NotFound();
  const target = await findCommentTarget(tx, comment.targetType, comment.targetId);
  return { comment, target, access };
}

/** Which of these people are members of the space now. */
export async function membersAmong(tx: Transaction, spaceId: string, userIds: readonly string[]): Promise<Set<string>> {
  if (!userIds.length) return new Set();
  const rows = await tx.select({ userId: spaceMembers.userId }).from(spaceMembers)
    .where(and(eq(spaceMembers.spaceId, spaceId), inArray(spaceMembers.userId, [...userIds])));
  return new Set(rows.map((row) => row.userId));
}

/**
 * The people a comment's text mentions. Only members of the space may be mentioned: a comment
 * naming someone else is refused on its body, rather than silently waiting for nobody.
 */
export async function mentionedMembers(tx: Transaction, spaceId: string, body: string): Promise<string[]> {
  const { userIds } = mentionsOf(body);
  const members = await membersAmong(tx, spaceId, userIds);
  if (userIds.some((id) => !members.has(id))) throw Invalid({ body: ['commentMentionNotMember'] });
  return userIds;
}
