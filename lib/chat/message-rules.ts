import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { channelMembers, messages, spaceMembers, users, type Channel } from '@/db/schema';
import { Invalid } from '@/lib/errors';
import { documentVector, normalizeForSearch } from '@/lib/search/cjk-bigrams';
import { messagePlainText } from './markdown';

// Rules a message must meet, shared by posting and editing.

type Executor = Database | Transaction;

/** Only the members of a private channel see its events; a public channel's go to the whole space. */
export const audienceOf = (channel: Channel) => (channel.isPrivate ? channel.id : null);

/** Who may be mentioned in a channel: its members (private) or the space's (public). */
export async function assertMentionable(tx: Executor, channel: Channel, userIds: readonly string[]) {
  if (!userIds.length) return;
  const found = channel.isPrivate
    ? await tx.select({ id: channelMembers.userId }).from(channelMembers).where(and(eq(channelMembers.channelId, channel.id), inArray(channelMembers.userId, [...userIds])))
    : await tx.select({ id: spaceMembers.userId }).from(spaceMembers).where(and(eq(spaceMembers.spaceId, channel.spaceId), inArray(spaceMembers.userId, [...userIds])));
  if (found.length !== userIds.length) throw Invalid({ body: ['mentionNotMember'] });
}

/**
 * What search indexes of a message: its text as read (mentions as @name), normalised, and its
 * bigram vector (a tsvector literal); with the mentioned people's names.
 */
export async function searchColumnsOf(tx: Executor, body: string, mentionIds: readonly string[]) {
  const names = mentionIds.length ? await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...mentionIds])) : [];
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const text = messagePlainText(body, (id) => nameOf.get(id));
  return { searchText: normalizeForSearch(text), vector: documentVector(text), names };
}

/** The root of the thread a reply goes into: a message of the same channel (a reply to a reply joins its root). */
export async function threadRoot(tx: Executor, channel: Channel, parentId: string): Promise<string> {
  const [parent] = await tx.select({ id: messages.id, parentId: messages.parentId, deletedAt: messages.deletedAt }).from(messages)
    .where(and(eq(messages.id, parentId), eq(messages.channelId, channel.id)));
  if (!parent) throw Invalid({ parentId: ['messageUnknown'] });
  return parent.parentId ?? parent.id;
}

