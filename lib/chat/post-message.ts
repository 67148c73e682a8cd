import { and, eq } from 'drizzle-orm';
import { isUniqueViolation } from '@/db/errors';
import { getDb } from '@/db/client';
import { messages } from '@/db/schema';
import { requireUserActor, type Actor } from '@/lib/auth/actor';
import { Conflict } from '@/lib/errors';
import { parseInput } from '@/lib/validation';
import { authorizePost } from './access';
import { mentionsOf } from './markdown';
import { loadMessage } from './message-resources';
import { notifyMentioned } from './notify-mentions';
import { assertMentionable, audienceOf, searchColumnsOf, threadRoot } from './message-rules';
import { writeMessage } from './message-writer';
import { takePostAllowance } from './post-rate';
import type { MessageResource } from './resources';
import { postMessageSchema, type PostMessageInput } from './schema';

/** The message already stored under the author's client key, if any (a retry). */
async function storedUnderKey(authorId: string, clientKey: string, channelId: string): Promise<MessageResource | null> {
  const db = await getDb();
  const [found] = await db.select({ id: messages.id, channelId: messages.channelId }).from(messages)
    .where(and(eq(messages.authorId, authorId), eq(messages.clientKey, clientKey)));
  if (!found) return null;
  // The same key for another channel is a client bug, not a retry.
  if (found.channelId !== channelId) throw Conflict('clientKeyReused');
  return loadMessage(db, found.id);
}

/**
 * Posts a message (contributors of an active space, in a channel they are in). It is stored,
 * then announced on the space's stream when it commits (see message-writer.ts). A post carrying a `clientKey` already
 * used by its author returns the stored message (`created: false`): a retried request is stored
 * once. Mentions must name members of the channel.
 */
export async function postMessage(actor: Actor, channelId: string, input: PostMessageInput): Promise<{ message: MessageResource; created: boolean }> {
  const user = requireUserActor(actor);
  const data = parseInput(postMessageSchema, input);
  const db = await getDb();
  const { channel, author } = await authorizePost(db, actor, channelId);
  const clientKey = data.clientKey ?? null;
  takePostAllowance(user.id);
  const mentions = mentionsOf(data.body);
  await assertMentionable(db, channel, mentions.userIds);
  const parentId = data.parentId ? await threadRoot(db, channel, data.parentId) : null;
  const { searchText, vector, names } = await searchColumnsOf(db, data.body, mentions.userIds);
  const resource: Omit<MessageResource, 'seq'> = {
    id: crypto.randomUUID(), channelId, author, body: data.body, parentId, replyCount: 0,
    mentions: names, mentionsAll: mentions.all, reactions: [], attachments: [], editedAt: null, deletedAt: null, createdAt: new Date().toISOString(),
  };
  try {
    const seq = await writeMessage({ resource, spaceId: channel.spaceId, clientKey, searchText, vector, audience: audienceOf(channel) });
    if (seq !== null) {
      const message = { ...resource, seq };
      await notifyMentioned(actor, user.organizationId, channel, message);
      return { message, created: true };
    }
  } catch (error) {
    // Two copies of one retried post raced (from two processes): the first one stored wins.
    if (!clientKey || !isUniqueViolation(error)) throw error;
  }
  // The writer stores nothing under a client key its author has used: this post is a retry.
  const stored = await storedUnderKey(user.id, clientKey!, channelId);
  if (!stored) throw Conflict();
  return { message: stored, created: false };
}
