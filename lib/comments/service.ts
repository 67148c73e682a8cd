import { and, eq, isNull } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { commentAwaits, comments, type Comment } from '@/db/schema';
import { actorId, requireUserActor, type Actor } from '@/lib/auth/actor';
import { canInSpace } from '@/lib/auth/permissions';
import { recordAudit } from '@/lib/audit';
import { mentionsOf } from '@/lib/chat/markdown';
import { Forbidden, Invalid } from '@/lib/errors';
import { notifyUsers } from '@/lib/notify/service';
import { authorizeSpace, type LoadedSpaceAccess } from '@/lib/spaces/access';
import { parseInput } from '@/lib/validation';
import { authorizeComment, membersAmong, mentionedMembers } from './access';
import { announceCommentChange } from './events';
import { resolveByReply, startAwaiting, stopAwaiting } from './awaits';
import { awaitedBy } from './rules';
import { addCommentSchema, editCommentSchema, type AddCommentInput, type EditCommentInput } from './schema';
import { responseRuleOf, type ResponseRule } from './settings';
import { commentHref, findCommentTarget, type CommentTarget } from './targets';

async function audit(tx: Transaction, actor: Actor, access: LoadedSpaceAccess, action: string, comment: Comment, target: CommentTarget) {
  await recordAudit(tx, actor, {
    organizationId: access.space.organizationId, spaceId: access.space.id, action, targetType: 'comment', targetId: comment.id,
    data: { targetType: target.type, targetId: target.id, name: target.name },
  });
}

/** Asks the people a comment now waits for to answer it (their "等待你回复" notification). */
async function notifyAwaited(tx: Transaction, actor: Actor, access: LoadedSpaceAccess, comment: Comment, target: CommentTarget, userIds: string[], rule: ResponseRule) {
  await notifyUsers(tx, actor, userIds, {
    organizationId: access.space.organizationId, spaceId: access.space.id, kind: 'comment.mentioned',
    data: { target: target.name, hours: rule.responseHours }, href: commentHref(target, comment.id), dedupeKey: `comment:${comment.id}`,
  });
}

/** The thread a reply joins: replies to a reply join their top-level comment (threads are one level deep). */
async function threadRootId(tx: Transaction, target: CommentTarget, parentId: string | undefined): Promise<string | null> {
  if (!parentId) return null;
  const [parent] = await tx.select({ id: comments.id, parentId: comments.parentId, deletedAt: comments.deletedAt }).from(comments).where(and(
    eq(comments.id, parentId), eq(comments.spaceId, target.spaceId), eq(comments.targetType, target.type), eq(comments.targetId, target.id),
  ));
  if (!parent || parent.deletedAt) throw Invalid({ parentId: ['commentUnknown'] });
  return parent.parentId ?? parent.id;
}

/**
 * Comments on a task or a file (members, observers included, in an active space). The comment
 * waits for an answer from each member it mentions and, when a top-level comment on a task is
 * written by someone else, from the task's assignee; what waited for the author on this target is
 * answered by it. `now` is the comment's time (tests pass a clock).
 */
export async function addComment(actor: Actor, input: AddCommentInput, now = new Date()): Promise<Comment> {
  const user = requireUserActor(actor);
  const data = parseInput(addCommentSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const target = await findCommentTarget(tx, data.targetType, data.targetId);
    const access = await authorizeSpace(tx, actor, target.spaceId, 'space.comment');
    const parentId = await threadRootId(tx, target, data.parentId);
    const mentioned = await mentionedMembers(tx, target.spaceId, data.body);
    const [comment] = await tx.insert(comments).values({
      spaceId: target.spaceId, targetType: target.type, targetId: target.id, parentId, authorId: user.id, body: data.body, createdAt: now,
    }).returning();
    const asked = awaitedBy({ authorId: user.id, mentionedIds: mentioned, assigneeId: parentId ? null : target.assigneeId });
    // An assignee who has left the space is not waited for.
    const members = await membersAmong(tx, target.spaceId, asked);
    const rule = await responseRuleOf(tx, target.spaceId);
    const awaited = await startAwaiting(tx, comment!.id, asked.filter((id) => members.has(id)), rule, now);
    await resolveByReply(tx, comment!);
    await notifyAwaited(tx, actor, access, comment!, target, awaited, rule);
    await audit(tx, actor, access, 'comment.add', comment!, target);
    await announceCommentChange(tx, actor, target);
    return comment!;
  });
}

/**
 * Changes one's own comment. Mentions are read again: people newly mentioned are waited for (from
 * now), people taken out stop being waited for unless they had already answered.
 */
export async function editComment(actor: Actor, commentId: string, input: EditCommentInput, now = new Date()): Promise<Comment> {
  const user = requireUserActor(actor);
  const data = parseInput(editCommentSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { comment, target, access } = await authorizeComment(tx, actor, commentId, 'space.comment');
    if (comment.authorId !== user.id) throw Forbidden('commentNotAuthor');
    const mentioned = await mentionedMembers(tx, target.spaceId, data.body);
    const [updated] = await tx.update(comments).set({ body: data.body, editedAt: now })
      .where(and(eq(comments.id, comment.id), eq(comments.spaceId, access.space.id))).returning();
    const before = new Set(mentionsOf(comment.body).userIds);
    const after = new Set(mentioned);
    const keepAssignee = !comment.parentId && target.assigneeId !== user.id ? target.assigneeId : null;
    await stopAwaiting(tx, comment.id, [...before].filter((id) => !after.has(id) && id !== keepAssignee));
    const rule = await responseRuleOf(tx, target.spaceId);
    const added = await startAwaiting(tx, comment.id, mentioned.filter((id) => !before.has(id) && id !== user.id), rule, now);
    await notifyAwaited(tx, actor, access, updated!, target, added, rule);
    await audit(tx, actor, access, 'comment.edit', updated!, target);
    await announceCommentChange(tx, actor, target);
    return updated!;
  });
}

/**
 * Deletes a comment (its author, or the space's leads). It keeps its place in the thread as
 * "已删除", its text is gone, and nobody is waited for on it any longer.
 */
export async function deleteComment(actor: Actor, commentId: string, now = new Date()): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { comment, target, access } = await authorizeComment(tx, actor, commentId, 'space.comment');
    const mine = comment.authorId !== null && comment.authorId === actorId(actor);
    if (!mine && !canInSpace(actor, access, 'comment.moderate')) throw Forbidden('commentNotAuthor');
    const [deleted] = await tx.update(comments).set({ body: '', deletedAt: now })
      .where(and(eq(comments.id, comment.id), eq(comments.spaceId, access.space.id))).returning();
    await stopAwaiting(tx, comment.id);
    await audit(tx, actor, access, 'comment.delete', deleted!, target);
    await announceCommentChange(tx, actor, target);
  });
}

/** 处理完毕: the person a comment waits for says it needs no written answer; saying it twice is harmless. */
export async function markHandled(actor: Actor, commentId: string, now = new Date()): Promise<void> {
  const user = requireUserActor(actor);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { comment, target, access } = await authorizeComment(tx, actor, commentId, 'space.comment');
    const [awaiting] = await tx.select({ resolvedAt: commentAwaits.resolvedAt }).from(commentAwaits)
      .where(and(eq(commentAwaits.commentId, comment.id), eq(commentAwaits.userId, user.id)));
    if (!awaiting) throw Forbidden('commentNotAwaited');
    if (awaiting.resolvedAt) return;
    await tx.update(commentAwaits).set({ resolvedAt: now, resolution: 'handled' })
      .where(and(eq(commentAwaits.commentId, comment.id), eq(commentAwaits.userId, user.id), isNull(commentAwaits.resolvedAt)));
    await audit(tx, actor, access, 'comment.handled', comment, target);
    await announceCommentChange(tx, actor, target);
  });
}
