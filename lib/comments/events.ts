import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { comments } from '@/db/schema';
import { actorId, type Actor } from '@/lib/auth/actor';
import { emitSpaceEvent } from '@/lib/realtime/events';
import type { CommentTarget } from './targets';

/** Tells open task and file pages that its comments changed; call it last in the transaction. */
export async function announceCommentChange(tx: Transaction, actor: Actor, target: Pick<CommentTarget, 'type' | 'id' | 'spaceId'>): Promise<void> {
  await emitSpaceEvent(tx, target.spaceId, { type: 'comment.changed', data: { targetType: target.type, targetId: target.id, by: actorId(actor) } });
}

/** A comment's attachments changed: the page of what it is on shows them again. */
export async function announceCommentAttachments(tx: Transaction, actor: Actor, commentId: string): Promise<void> {
  const [comment] = await tx.select({ type: comments.targetType, id: comments.targetId, spaceId: comments.spaceId }).from(comments).where(eq(comments.id, commentId));
  if (comment) await announceCommentChange(tx, actor, comment);
}
