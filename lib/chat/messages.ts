import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { isUniqueViolation } from '@/db/errors';
import { getDb, type Transaction } from '@/db/client';
import { channelMembers, channelReads, messageMentions, messageReactions, messages, spaceMembers, users, type Channel, type Message } from '@/db/schema';
import { actorId, requireUserActor, type Actor } from '@/lib/auth/actor';
import { canInSpace } from '@/lib/auth/permissions';
import { Conflict, Forbidden, Invalid, NotFound } from '@/lib/errors';
import { emitSpaceEvent, emitSpaceEventAt, nextSpaceSeq } from '@/lib/realtime/events';
import { documentVector, normalizeForSearch } from '@/lib/search/cjk-bigrams';
import { isUuid, parseInput } from '@/lib/validation';
import { authorizeChannel } from './access';
import { mentionsOf, messagePlainText } from './markdown';
import { loadMessage, reactionsOf } from './message-resources';
import { takePostAllowance } from './post-rate';
import type { MessageResource } from './resources';
import { editMessageSchema, postMessageSchema, reactionSchema, type PostMessageInput } from './schema';

/** Only the members of a private channel see its events; a public channel's go to the whole space. */
const audienceOf = (channel: Channel) => (channel.isPrivate ? channel.id : null);

/** Who may be mentioned in a channel: its members (private) or the space's (public). */
async function assertMentionable(tx: Transaction, channel: Channel, userIds: readonly string[]) {
  if (!userIds.length) return;
  const found = channel.isPrivate
    ? await tx.select({ id: channelMembers.userId }).from(channelMembers).where(and(eq(channelMembers.channelId, channel.id), inArray(channelMembers.userId, [...userIds])))
    : await tx.select({ id: spaceMembers.userId }).from(spaceMembers).where(and(eq(spaceMembers.spaceId, channel.spaceId), inArray(spaceMembers.userId, [...userIds])));
  if (found.length !== userIds.length) throw Invalid({ body: ['mentionNotMember'] });
}

/** What search indexes of a message: its text as read (mentions as @name), normalised, and its bigram vector. */
async function searchColumnsOf(tx: Transaction, body: string, mentionIds: readonly string[]) {
  const names = mentionIds.length ? await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...mentionIds])) : [];
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const text = messagePlainText(body, (id) => nameOf.get(id));
  return { searchText: normalizeForSearch(text), searchVector: sql`${documentVector(text)}::tsvector` };
}

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

/** The root of the thread a reply goes into: a message of the same channel (a reply to a reply joins its root). */
async function threadRoot(tx: Transaction, channel: Channel, parentId: string): Promise<string> {
  const [parent] = await tx.select({ id: messages.id, parentId: messages.parentId, deletedAt: messages.deletedAt }).from(messages)
    .where(and(eq(messages.id, parentId), eq(messages.channelId, channel.id)));
  if (!parent) throw Invalid({ parentId: ['messageUnknown'] });
  return parent.parentId ?? parent.id;
}

async function findByClientKey(authorId: string, clientKey: string) {
  const db = await getDb();
  const [found] = await db.select({ id: messages.id, channelId: messages.channelId }).from(messages)
    .where(and(eq(messages.authorId, authorId), eq(messages.clientKey, clientKey)));
  return found;
}

async function existingPost(authorId: string, clientKey: string, channelId: string): Promise<MessageResource | null> {
  const found = await findByClientKey(authorId, clientKey);
  if (!found) return null;
  // The same key for a different channel is a client bug, not a retry.
  if (found.channelId !== channelId) throw Conflict('clientKeyReused');
  return loadMessage(await getDb(), found.id);
}

/**
 * Posts a message (contributors of an active space, in a channel they are in). It is stored,
 * then announced on the space's stream when the transaction commits. A post carrying a
 * `clientKey` already used by its author returns the stored message (`created: false`), so a
 * retried request is stored once. Mentions must name members of the channel.
 */
export async function postMessage(actor: Actor, channelId: string, input: PostMessageInput): Promise<{ message: MessageResource; created: boolean }> {
  const author = requireUserActor(actor);
  const data = parseInput(postMessageSchema, input);
  const db = await getDb();
  if (data.clientKey) {
    // A retry is answered only while the author may still post there.
    await authorizeChannel(db, actor, channelId, 'chat.post');
    const existing = await existingPost(author.id, data.clientKey, channelId);
    if (existing) return { message: existing, created: false };
  }
  takePostAllowance(author.id);
  try {
    const message = await db.transaction(async (tx) => {
      const { channel } = await authorizeChannel(tx, actor, channelId, 'chat.post');
      const mentions = mentionsOf(data.body);
      await assertMentionable(tx, channel, mentions.userIds);
      const parentId = data.parentId ? await threadRoot(tx, channel, data.parentId) : null;
      const search = await searchColumnsOf(tx, data.body, mentions.userIds);
      // The space's next number, taken last so its lock is held only for the writes below.
      const seq = await nextSpaceSeq(tx, channel.spaceId);
      const [row] = await tx.insert(messages).values({
        spaceId: channel.spaceId, channelId, seq, authorId: author.id, body: data.body, parentId,
        mentionsChannel: mentions.all, clientKey: data.clientKey ?? null, ...search,
      }).returning({ id: messages.id, channelId: messages.channelId, seq: messages.seq });
      await writeMentions(tx, row!, mentions.userIds);
      // Your own message is read.
      await advanceRead(tx, channelId, author.id, seq);
      const resource = await loadMessage(tx, row!.id);
      await emitSpaceEventAt(tx, channel.spaceId, seq, { type: 'message.created', channelId: audienceOf(channel), data: resource });
      return resource;
    });
    return { message, created: true };
  } catch (error) {
    // Two copies of one retried post raced: the first one stored wins.
    if (data.clientKey && isUniqueViolation(error)) {
      const existing = await existingPost(author.id, data.clientKey, channelId);
      if (existing) return { message: existing, created: false };
    }
    throw error;
  }
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
    await tx.update(messages).set({
      body: data.body, mentionsChannel: mentions.all, editedAt: new Date(), ...(await searchColumnsOf(tx, data.body, mentions.userIds)),
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
