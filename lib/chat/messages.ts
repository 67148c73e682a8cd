import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { channelReads, channels, messageMentions, messageReactions, messages, type Message } from '@/db/schema';
import { actorId, requireUserActor, type Actor } from '@/lib/auth/actor';
import { canInSpace } from '@/lib/auth/permissions';
import { Conflict, Forbidden, NotFound } from '@/lib/errors';
import { emitSpaceEvent } from '@/lib/realtime/events';
import { isUuid, parseInput } from '@/lib/validation';
import { authorizeChannel } from './access';
import { mentionsOf } from './markdown';
import { loadMessage, reactionsOf } from './message-resources';
import { assertMentionable, audienceOf, searchColumnsOf } from './message-rules';
import type { MessageResource } from './resources';
import { editMessageSchema, reactionSchema } from './schema';

// Changing messages after they are posted (posting: post-message.ts), reactions and read positions.

async function writeMentions(tx: Transaction, message: Pick<Message, 'id' | 'channelId' | 'seq'>, userIds: readonly string[]) {
  await tx.delete(messageMentions).where(eq(messageMentions.messageId, message.id));
  if (userIds.length) {
    await tx.insert(messageMentions).values(userIds.map((userId) => ({ messageId: message.id, userId, channelId: message.channelId, seq: message.seq })));
  }
}

/** Moves a person's read position in a channel forward (never back). */
export async function advanceRead(tx: Transaction, channelId: string, userId: string, seq: number): Promise<boolean> {
  const moved = await tx.insert(channelReads).values({ channelId, userId, lastReadSeq: seq })
    .onConflictDoUpdate({
      target: [channelReads.channelId, channelReads.userId],
      set: { lastReadSeq: seq, updatedAt: new Date() },
      setWhere: sql`${channelReads.lastReadSeq} < ${seq}`,
    })
    .returning({ seq: channelReads.lastReadSeq });
  return moved.length > 0;
}

/** The message and its channel, for a change by `actor`; 404 for what they may not see. */
async function authorizeMessage(tx: Transaction, actor: Actor, messageId: string, action: 'chat.post' | 'space.comment') {
  if (!isUuid(messageId)) throw NotFound();
  const [message] = await tx.select().from(messages).where(eq(messages.id, messageId));
  if (!message) throw NotFound();
  const { channel, access } = await authorizeChannel(tx, actor, message.channelId, action);
  if (message.spaceId !== channel.spaceId) throw NotFound();
  return { message, channel, access };
}

/** Changes the text of one's own message; it shows as edited. */
export async function editMessage(actor: Actor, messageId: string, input: { body?: unknown }): Promise<MessageResource> {
  const data = parseInput(editMessageSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { message, channel } = await authorizeMessage(tx, actor, messageId, 'chat.post');
    if (message.authorId !== actorId(actor)) throw Forbidden('messageNotYours');
    if (message.deletedAt) throw Conflict('messageDeleted');
    const mentions = mentionsOf(data.body);
    await assertMentionable(tx, channel, mentions.userIds);
    const search = await searchColumnsOf(tx, data.body, mentions.userIds);
    await tx.update(messages).set({
      body: data.body, mentionsChannel: mentions.all, editedAt: new Date(), searchText: search.searchText, searchVector: sql`${search.vector}::tsvector`,
    }).where(and(eq(messages.id, messageId), eq(messages.channelId, channel.id)));
    await writeMentions(tx, message, mentions.userIds);
    const resource = await loadMessage(tx, messageId);
    await emitSpaceEvent(tx, channel.spaceId, { type: 'message.updated', channelId: audienceOf(channel), data: resource });
    return resource;
  });
}

/**
 * Deletes a message: its author, or a space admin or owner tidying the channel. What remains is
 * a "deleted" placeholder in its place (replies keep their thread).
 */
export async function deleteMessage(actor: Actor, messageId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { message, channel, access } = await authorizeMessage(tx, actor, messageId, 'space.comment');
    const own = message.authorId === actorId(actor);
    if (!own && !canInSpace(actor, access, 'chat.manageChannels')) throw Forbidden('messageNotYours');
    if (message.deletedAt) return;
    await tx.update(messages).set({ body: '', deletedAt: new Date(), searchText: null, searchVector: null, mentionsChannel: false })
      .where(and(eq(messages.id, messageId), eq(messages.channelId, channel.id)));
    await tx.delete(messageMentions).where(eq(messageMentions.messageId, messageId));
    await emitSpaceEvent(tx, channel.spaceId, { type: 'message.deleted', channelId: audienceOf(channel), data: { id: messageId, channelId: channel.id } });
  });
}

/** Adds (or, with `on: false`, removes) the actor's reaction; observers may react too. */
export async function setReaction(actor: Actor, messageId: string, input: { emoji?: unknown }, on: boolean) {
  const user = requireUserActor(actor);
  const { emoji } = parseInput(reactionSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { message, channel } = await authorizeMessage(tx, actor, messageId, 'space.comment');
    if (message.deletedAt) throw Conflict('messageDeleted');
    if (on) await tx.insert(messageReactions).values({ messageId, userId: user.id, emoji }).onConflictDoNothing();
    else {
      await tx.delete(messageReactions)
        .where(and(eq(messageReactions.messageId, messageId), eq(messageReactions.userId, user.id), eq(messageReactions.emoji, emoji)));
    }
    const reactions = (await reactionsOf(tx, [messageId])).get(messageId) ?? [];
    await emitSpaceEvent(tx, channel.spaceId, { type: 'message.reactions', channelId: audienceOf(channel), data: { messageId, channelId: channel.id, reactions } });
    return reactions;
  });
}

/**
 * Records that the actor has read a channel up to `lastReadSeq` (never moving back, never past
 * its latest message) and tells the space, for read receipts. People outside the space's
 * membership (an organisation admin looking in) leave no receipts.
 */
export async function markChannelRead(actor: Actor, channelId: string, lastReadSeq: number): Promise<{ lastReadSeq: number }> {
  const user = requireUserActor(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { channel, access } = await authorizeChannel(tx, actor, channelId, 'space.view');
    const [latest] = await tx.select({ seq: sql<number>`coalesce(max(${messages.seq}), 0)`.mapWith(Number) }).from(messages)
      .where(and(eq(messages.channelId, channelId), isNull(messages.deletedAt)));
    const seq = Math.min(lastReadSeq, latest?.seq ?? 0);
    if (!access.membership || seq <= 0) return { lastReadSeq: seq };
    if (await advanceRead(tx, channelId, user.id, seq)) {
      await emitSpaceEvent(tx, channel.spaceId, { type: 'channel.read', channelId: audienceOf(channel), data: { channelId, userId: user.id, lastReadSeq: seq } });
    }
    return { lastReadSeq: seq };
  });
}

/** Tells the message's chat that something shown with it changed (its attachments), with the message as it is now. */
export async function announceMessageChange(tx: Transaction, messageId: string): Promise<void> {
  const [row] = await tx.select({ channel: channels }).from(messages).innerJoin(channels, eq(channels.id, messages.channelId)).where(eq(messages.id, messageId));
  if (!row) return;
  const resource = await loadMessage(tx, messageId);
  await emitSpaceEvent(tx, row.channel.spaceId, { type: 'message.updated', channelId: audienceOf(row.channel), data: resource });
}
