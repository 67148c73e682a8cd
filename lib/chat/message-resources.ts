import { and, asc, count, eq, getTableColumns, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { messageMentions, messageReactions, messages, users, type Message } from '@/db/schema';
import { attachedFilesOf } from '@/lib/files/attached';
import { avatarUrl } from '@/lib/org/avatar-rules';
import type { MessageResource, ReactionSummary } from './resources';

type Executor = Database | Transaction;

type MessageRow = Message & { authorName: string; authorAvatarKey: string | null };

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) (map.get(key(row)) ?? map.set(key(row), []).get(key(row))!).push(row);
  return map;
}

/** Reactions of messages, each emoji with who reacted, in the order they were first used. */
export async function reactionsOf(executor: Executor, messageIds: readonly string[]): Promise<Map<string, ReactionSummary[]>> {
  if (!messageIds.length) return new Map();
  const rows = await executor.select().from(messageReactions)
    .where(inArray(messageReactions.messageId, [...messageIds]))
    .orderBy(asc(messageReactions.createdAt));
  const result = new Map<string, ReactionSummary[]>();
  for (const [messageId, reactions] of groupBy(rows, (r) => r.messageId)) {
    const byEmoji = groupBy(reactions, (r) => r.emoji);
    result.set(messageId, [...byEmoji].map(([emoji, list]) => ({ emoji, userIds: list.map((r) => r.userId) })));
  }
  return result;
}

/** Messages with their author, mentions, reactions and reply counts, as the API and the stream send them. */
async function withDetails(executor: Executor, rows: readonly MessageRow[]): Promise<MessageResource[]> {
  const ids = rows.map((row) => row.id);
  if (!ids.length) return [];
  const mentionRows = await executor.select({ messageId: messageMentions.messageId, id: users.id, name: users.name })
    .from(messageMentions).innerJoin(users, eq(users.id, messageMentions.userId))
    .where(inArray(messageMentions.messageId, ids));
  const replyRows = await executor.select({ parentId: messages.parentId, n: count() }).from(messages)
    .where(and(inArray(messages.parentId, ids), isNull(messages.deletedAt)))
    .groupBy(messages.parentId);
  const reactions = await reactionsOf(executor, ids);
  const attachments = await attachedFilesOf(executor, 'message', ids);
  const mentions = groupBy(mentionRows, (r) => r.messageId);
  const replies = new Map(replyRows.map((r) => [r.parentId, r.n]));
  return rows.map((row) => ({
    id: row.id,
    channelId: row.channelId,
    seq: row.seq,
    author: { id: row.authorId, name: row.authorName, avatarUrl: avatarUrl(row.authorAvatarKey) },
    body: row.deletedAt ? '' : row.body,
    parentId: row.parentId,
    replyCount: replies.get(row.id) ?? 0,
    mentions: row.deletedAt ? [] : (mentions.get(row.id) ?? []).map(({ id, name }) => ({ id, name })),
    mentionsAll: !row.deletedAt && row.mentionsChannel,
    reactions: row.deletedAt ? [] : reactions.get(row.id) ?? [],
    attachments: row.deletedAt ? [] : (attachments.get(row.id) ?? []),
    editedAt: row.editedAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** The messages matching `where`, in `order`, at most `limit`, with their details. */
export async function loadMessages(executor: Executor, where: SQL | undefined, order: SQL[], limit: number): Promise<MessageResource[]> {
  // The search columns stay in the database: they are large and no client needs them.
  const { searchVector: _vector, searchText: _text, ...columns } = getTableColumns(messages);
  const rows = await executor
    .select({ ...columns, authorName: users.name, authorAvatarKey: users.avatarKey })
    .from(messages)
    .innerJoin(users, eq(users.id, messages.authorId))
    .where(where)
    .orderBy(...order)
    .limit(limit);
  return withDetails(executor, rows as MessageRow[]);
}

/** One message with its details (it must exist). */
export async function loadMessage(executor: Executor, messageId: string): Promise<MessageResource> {
  const [message] = await loadMessages(executor, eq(messages.id, messageId), [], 1);
  return message!;
}
