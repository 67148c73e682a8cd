import { type AnyPgColumn, bigint, boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id, tsvector, updatedAt } from './columns';
import { departments, users } from './org';
import { spaces } from './spaces';

// Relative, not '@/': drizzle-kit loads this file without the app's path aliases.
import { CHANNEL_KINDS } from '../../lib/chat/rules';

export { CHANNEL_KINDS, type ChannelKind } from '../../lib/chat/rules';

/** A group chat (群聊) of a space: 全员, a department's, or a topic's; public to the space or private. */
export const channels = pgTable(
  'channels',
  {
    id: id(),
    spaceId: uuid().notNull().references(() => spaces.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    topic: text(),
    kind: text({ enum: CHANNEL_KINDS }).notNull().default('topic'),
    departmentId: uuid().references(() => departments.id, { onDelete: 'set null' }),
    /** Private: only the listed members (channel_members) see it; public: every member of the space. */
    isPrivate: boolean().notNull().default(false),
    archivedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('channels_space_id_idx').on(t.spaceId),
    uniqueIndex('channels_space_id_name_idx').on(t.spaceId, t.name),
    // One 全员 channel per space.
    uniqueIndex('channels_space_id_all_idx').on(t.spaceId).where(sql`kind = 'all'`),
  ],
);

/** Who is in a private channel. Public channels have no rows here: every space member is in them. */
export const channelMembers = pgTable(
  'channel_members',
  {
    channelId: uuid().notNull().references(() => channels.id, { onDelete: 'cascade' }),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.userId] }), index('channel_members_user_id_idx').on(t.userId)],
);

/** How far each person has read each channel: the seq of the last message they have seen. */
export const channelReads = pgTable(
  'channel_reads',
  {
    channelId: uuid().notNull().references(() => channels.id, { onDelete: 'cascade' }),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    lastReadSeq: bigint({ mode: 'number' }).notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.userId] }), index('channel_reads_user_id_idx').on(t.userId)],
);

export const messages = pgTable(
  'messages',
  {
    id: id(),
    spaceId: uuid().notNull().references(() => spaces.id, { onDelete: 'cascade' }),
    channelId: uuid().notNull().references(() => channels.id, { onDelete: 'cascade' }),
    /** The space event number of its posting: orders a channel's messages and its read receipts. */
    seq: bigint({ mode: 'number' }).notNull(),
    authorId: uuid().notNull().references(() => users.id),
    /** As typed: Markdown-lite, rendered as text nodes (never as HTML). Empty once deleted. */
    body: text().notNull(),
    /** The thread it replies in (the root message), if any. */
    parentId: uuid().references((): AnyPgColumn => messages.id, { onDelete: 'cascade' }),
    /** @channel: everyone in the channel is mentioned. */
    mentionsChannel: boolean().notNull().default(false),
    /** The author's client-generated key: a retried post is stored once. */
    clientKey: text(),
    /** The text as read (mentions as @name), normalised for search: hits are checked against it. */
    searchText: text(),
    searchVector: tsvector(),
    editedAt: timestamp({ withTimezone: true }),
    deletedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('messages_channel_id_seq_idx').on(t.channelId, t.seq),
    // Newest first within a space: search walks it for common words and stops at a page.
    index('messages_space_id_seq_idx').on(t.spaceId, t.seq),
    index('messages_parent_id_idx').on(t.parentId),
    uniqueIndex('messages_author_id_client_key_idx').on(t.authorId, t.clientKey),
    index('messages_search_vector_idx').using('gin', t.searchVector),
  ],
);

/** The members a message @mentions, for highlights and unread-mention counts. */
export const messageMentions = pgTable(
  'message_mentions',
  {
    messageId: uuid().notNull().references(() => messages.id, { onDelete: 'cascade' }),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    channelId: uuid().notNull().references(() => channels.id, { onDelete: 'cascade' }),
    seq: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.userId] }), index('message_mentions_user_id_channel_id_seq_idx').on(t.userId, t.channelId, t.seq)],
);

export const messageReactions = pgTable(
  'message_reactions',
  {
    messageId: uuid().notNull().references(() => messages.id, { onDelete: 'cascade' }),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    emoji: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.userId, t.emoji] })],
);

export type Channel = typeof channels.$inferSelect;
export type NewChannel = typeof channels.$inferInsert;
export type Message = typeof messages.$inferSelect;
