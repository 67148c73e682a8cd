import { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { getDb, type Database } from '@/db/client';
import { channelMembers, channelReads, channels, messages, spaceMembers, spaces, users, type Channel } from '@/db/schema';
import { actorId, requireUserActor, type Actor } from '@/lib/auth/actor';
import { NotFound } from '@/lib/errors';
import { avatarUrl } from '@/lib/org/avatar-rules';
import { latestSpaceSeq } from '@/lib/realtime/events';
import { authorizeSpace } from '@/lib/spaces/access';
import { isUuid, parseInput } from '@/lib/validation';
import { authorizeChannel } from './access';
import { messagePlainText } from './markdown';
import { loadMessages } from './message-resources';
import { channelResource, type ChannelListItem, type ChatPerson, type MessageResource } from './resources';
import { UNREAD_CAP } from './rules';
import { listMessagesSchema, type ListMessagesInput } from './schema';


const KIND_ORDER = sql`case ${channels.kind} when 'all' then 0 when 'department' then 1 else 2 end`;

/** The channels `userId` may see among those matching `where`: public ones, and private ones they are in. */
const visibleTo = (userId: string | null) =>
  or(eq(channels.isPrivate, false), userId ? sql`exists (select 1 from ${channelMembers} where ${channelMembers.channelId} = ${channels.id} and ${channelMembers.userId} = ${userId})` : sql`false`);

/**
 * Messages by others the user has not read in a channel (capped): after their read position or,
 * before they first read it, after they joined the space.
 */
function unreadCount(userId: string, joinedAt: Date, mentionsOnly: boolean): SQL<number> {
  const mention = mentionsOnly
    ? sql`and (m.mentions_channel or exists (select 1 from message_mentions mm where mm.message_id = m.id and mm.user_id = ${userId}))`
    : sql``;
  return sql<number>`(select count(*)::int from (
    select 1 from messages m
    where m.channel_id = ${channels.id} and m.deleted_at is null and m.author_id <> ${userId}
      and (case when ${channelReads.lastReadSeq} is null then m.created_at > ${joinedAt.toISOString()}::timestamptz else m.seq > ${channelReads.lastReadSeq} end)
      ${mention}
    limit ${UNREAD_CAP}) unread)`.mapWith(Number);
}

async function memberSince(db: Database, spaceId: string, userId: string | null): Promise<Date | null> {
  if (!userId) return null;
  const [member] = await db.select({ createdAt: spaceMembers.createdAt }).from(spaceMembers)
    .where(and(eq(spaceMembers.spaceId, spaceId), eq(spaceMembers.userId, userId)));
  return member?.createdAt ?? null;
}

/**
 * The space's group chats the actor may see, 全员 first, with their unread and mention counts
 * (none for people who are not members of the space). Archived channels only when asked for.
 */
export async function listChannels(actor: Actor, spaceId: string, options: { archived?: boolean } = {}): Promise<ChannelListItem[]> {
  const db = await getDb();
  await authorizeSpace(db, actor, spaceId, 'space.view');
  const userId = actorId(actor);
  const joinedAt = await memberSince(db, spaceId, userId);
  const counted = userId && joinedAt;
  const rows = await db
    .select({
      channel: channels,
      lastReadSeq: channelReads.lastReadSeq,
      unread: counted ? unreadCount(userId, joinedAt, false) : sql<number>`0`.mapWith(Number),
      mentions: counted ? unreadCount(userId, joinedAt, true) : sql<number>`0`.mapWith(Number),
    })
    .from(channels)
    .leftJoin(channelReads, and(eq(channelReads.channelId, channels.id), eq(channelReads.userId, userId ?? sql`null`)))
    .where(and(eq(channels.spaceId, spaceId), visibleTo(userId), options.archived ? undefined : isNull(channels.archivedAt)))
    .orderBy(KIND_ORDER, asc(channels.createdAt));
  const privateIds = rows.filter((r) => r.channel.isPrivate).map((r) => r.channel.id);
  const members = privateIds.length
    ? await db.select().from(channelMembers).where(inArray(channelMembers.channelId, privateIds))
    : [];
  return rows.map((row) => ({
    ...channelResource(row.channel, members.filter((m) => m.channelId === row.channel.id).map((m) => m.userId)),
    unread: row.unread,
    mentions: row.mentions,
    lastReadSeq: row.lastReadSeq ?? 0,
  }));
}

/** One channel the actor may see, for its page. */
export async function getChannel(actor: Actor, channelId: string): Promise<Channel> {
  const db = await getDb();
  return (await authorizeChannel(db, actor, channelId, 'space.view')).channel;
}

export interface MessagePage {
  /** Oldest first. */
  messages: MessageResource[];
  /** More messages before the first one. */
  hasOlder: boolean;
  /** More messages after the last one (a page around a search hit): live messages do not follow on. */
  hasNewer: boolean;
  /** The space's latest event number when the page was read: the event stream continues from it. */
  seq: number;
}

/**
 * A page of a channel's conversation (thread replies stay in their threads): the latest
 * messages, those before `before` (scrolling back), or those after `after` (catching up).
 */
export async function listMessages(actor: Actor, channelId: string, input: ListMessagesInput = {}): Promise<MessagePage> {
  const filters = parseInput(listMessagesSchema, input);
  const db = await getDb();
  const { channel } = await authorizeChannel(db, actor, channelId, 'space.view');
  // Read the stream position first: anything after it arrives as an event, nothing falls between.
  const seq = await latestSpaceSeq(db, channel.spaceId);
  const scope = and(eq(messages.channelId, channelId), isNull(messages.parentId));
  if (filters.after !== undefined) {
    const newer = await loadMessages(db, and(scope, gt(messages.seq, filters.after)), [asc(messages.seq)], filters.limit + 1);
    return { messages: newer.slice(0, filters.limit), hasOlder: true, hasNewer: newer.length > filters.limit, seq };
  }
  const half = Math.ceil(filters.limit / 2);
  const upTo = filters.around !== undefined ? lt(messages.seq, filters.around + 1) : filters.before ? lt(messages.seq, filters.before) : undefined;
  const older = await loadMessages(db, and(scope, upTo), [desc(messages.seq)], (filters.around !== undefined ? half : filters.limit) + 1);
  const olderShown = older.slice(0, filters.around !== undefined ? half : filters.limit).reverse();
  const hasOlder = older.length > olderShown.length;
  if (filters.around === undefined) return { messages: olderShown, hasOlder, hasNewer: false, seq };
  const newer = await loadMessages(db, and(scope, gt(messages.seq, filters.around)), [asc(messages.seq)], half + 1);
  return { messages: [...olderShown, ...newer.slice(0, half)], hasOlder, hasNewer: newer.length > half, seq };
}

/** A thread: its first message and every reply, oldest first. */
export async function listThread(actor: Actor, messageId: string): Promise<{ root: MessageResource; replies: MessageResource[] }> {
  if (!isUuid(messageId)) throw NotFound();
  const db = await getDb();
  const [root] = await loadMessages(db, and(eq(messages.id, messageId), isNull(messages.parentId)), [], 1);
  if (!root) throw NotFound();
  await authorizeChannel(db, actor, root.channelId, 'space.view');
  const replies = await loadMessages(db, eq(messages.parentId, messageId), [asc(messages.seq)], 1000);
  return { root, replies };
}

export interface ChannelReaders {
  /** Everyone a message in the channel is for: the space's members, or a private channel's. */
  audience: ChatPerson[];
  /** How far each of them has read (0: not yet). */
  lastRead: Record<string, number>;
}

/**
 * Who is in a channel and how far each has read: read receipts ("3 人已读 / 2 人未读") are worked
 * out from it, and kept current by the stream's channel.read events.
 */
export async function channelReaders(actor: Actor, channelId: string): Promise<ChannelReaders> {
  const db = await getDb();
  const { channel } = await authorizeChannel(db, actor, channelId, 'space.view');
  const people = channel.isPrivate
    ? db.select({ id: users.id, name: users.name, avatarKey: users.avatarKey }).from(channelMembers)
      .innerJoin(users, eq(users.id, channelMembers.userId))
      .innerJoin(spaceMembers, and(eq(spaceMembers.userId, channelMembers.userId), eq(spaceMembers.spaceId, channel.spaceId)))
      .where(eq(channelMembers.channelId, channelId))
    : db.select({ id: users.id, name: users.name, avatarKey: users.avatarKey }).from(spaceMembers)
      .innerJoin(users, eq(users.id, spaceMembers.userId))
      .where(eq(spaceMembers.spaceId, channel.spaceId));
  const audience = await people.orderBy(asc(users.name));
  const reads = await db.select({ userId: channelReads.userId, seq: channelReads.lastReadSeq }).from(channelReads).where(eq(channelReads.channelId, channelId));
  const seen = new Set(audience.map((person) => person.id));
  return {
    audience: audience.map(({ id, name, avatarKey }) => ({ id, name, avatarUrl: avatarUrl(avatarKey) })),
    lastRead: Object.fromEntries(reads.filter((r) => seen.has(r.userId)).map((r) => [r.userId, r.seq])),
  };
}

/** Who has read a message and who has not (its author aside). */
export async function messageReceipts(actor: Actor, messageId: string): Promise<{ read: ChatPerson[]; unread: ChatPerson[] }> {
  if (!isUuid(messageId)) throw NotFound();
  const db = await getDb();
  const [message] = await db.select({ channelId: messages.channelId, seq: messages.seq, authorId: messages.authorId }).from(messages).where(eq(messages.id, messageId));
  if (!message) throw NotFound();
  const { audience, lastRead } = await channelReaders(actor, message.channelId);
  const others = audience.filter((person) => person.id !== message.authorId);
  return {
    read: others.filter((person) => (lastRead[person.id] ?? 0) >= message.seq),
    unread: others.filter((person) => (lastRead[person.id] ?? 0) < message.seq),
  };
}

/** Unread messages and mentions of each of the user's active spaces, for the navigation. */
export async function unreadBySpace(actor: Actor): Promise<Record<string, { unread: number; mentions: number }>> {
  const user = requireUserActor(actor);
  const db = await getDb();
  const memberships = await db.select({ spaceId: spaceMembers.spaceId, joinedAt: spaceMembers.createdAt }).from(spaceMembers)
    .innerJoin(spaces, eq(spaces.id, spaceMembers.spaceId))
    .where(and(eq(spaceMembers.userId, user.id), eq(spaces.status, 'active')));
  const result: Record<string, { unread: number; mentions: number }> = {};
  for (const { spaceId, joinedAt } of memberships) {
    const rows = await db
      .select({ unread: unreadCount(user.id, joinedAt, false), mentions: unreadCount(user.id, joinedAt, true) })
      .from(channels)
      .leftJoin(channelReads, and(eq(channelReads.channelId, channels.id), eq(channelReads.userId, user.id)))
      .where(and(eq(channels.spaceId, spaceId), visibleTo(user.id), isNull(channels.archivedAt)));
    result[spaceId] = rows.reduce((sum, row) => ({ unread: sum.unread + row.unread, mentions: sum.mentions + row.mentions }), { unread: 0, mentions: 0 });
  }
  return result;
}

/**
 * A message as the start of a task (转为任务): its text as read, who wrote it and when. Null when
 * it is not a message of this space the actor may see.
 */
export async function messageForTask(actor: Actor, spaceId: string, messageId: string) {
  if (!isUuid(messageId)) return null;
  const db = await getDb();
  const [message] = await loadMessages(db, and(eq(messages.id, messageId), eq(messages.spaceId, spaceId), isNull(messages.deletedAt)), [], 1);
  if (!message) return null;
  try {
    await authorizeChannel(db, actor, message.channelId, 'space.view');
  } catch {
    return null;
  }
  const names = new Map(message.mentions.map((m) => [m.id, m.name]));
  return { id: message.id, text: messagePlainText(message.body, (id) => names.get(id)), authorName: message.author.name, createdAt: message.createdAt };
}

/** Where a task's source message is, for a link into its conversation. */
export async function messageLocation(actor: Actor, messageId: string): Promise<{ channelId: string; seq: number; parentId: string | null } | null> {
  const db = await getDb();
  const [message] = await db.select({ channelId: messages.channelId, seq: messages.seq, parentId: messages.parentId }).from(messages).where(eq(messages.id, messageId));
  if (!message) return null;
  try {
    await authorizeChannel(db, actor, message.channelId, 'space.view');
    return message;
  } catch {
    return null;
  }
}
