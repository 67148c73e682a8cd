import { z } from 'zod';
import type { Channel } from '@/db/schema';
import { PREVIEW_KINDS } from '@/lib/files/rules';
import { CHANNEL_KINDS } from './rules';

// What the REST API and the event stream send, as zod schemas (the OpenAPI document is generated
// from them) and the functions that shape rows into them.

const person = z.object({ id: z.uuid(), name: z.string(), avatarUrl: z.string().nullable() });
export type ChatPerson = z.output<typeof person>;

export const channelResourceSchema = z.object({
  id: z.uuid(),
  spaceId: z.uuid(),
  name: z.string(),
  topic: z.string().nullable(),
  kind: z.enum(CHANNEL_KINDS),
  departmentId: z.uuid().nullable(),
  isPrivate: z.boolean(),
  archivedAt: z.iso.datetime().nullable(),
  /** A private channel's members; empty for public channels (the whole space is in them). */
  memberIds: z.array(z.uuid()),
});
export type ChannelResource = z.output<typeof channelResourceSchema>;

export const channelListItemSchema = channelResourceSchema.extend({
  /** Messages by others after the caller's last read one. */
  unread: z.int(),
  /** Of those, the ones that mention the caller (or everyone). */
  mentions: z.int(),
  lastReadSeq: z.int(),
});
export type ChannelListItem = z.output<typeof channelListItemSchema>;

export function channelResource(channel: Channel, memberIds: readonly string[] = []): ChannelResource {
  return {
    id: channel.id, spaceId: channel.spaceId, name: channel.name, topic: channel.topic, kind: channel.kind,
    departmentId: channel.departmentId, isPrivate: channel.isPrivate, archivedAt: channel.archivedAt?.toISOString() ?? null,
    memberIds: channel.isPrivate ? [...memberIds] : [],
  };
}

export const reactionSummarySchema = z.object({ emoji: z.string(), userIds: z.array(z.uuid()) });
export type ReactionSummary = z.output<typeof reactionSummarySchema>;

export const messageResourceSchema = z.object({
  id: z.uuid(),
  channelId: z.uuid(),
  /** Its place in the space's order: read receipts and unread counts compare with it. */
  seq: z.int(),
  author: person,
  /** Markdown-lite as typed; mentions as <@userId> and <!all>. Empty once deleted. */
  body: z.string(),
  parentId: z.uuid().nullable(),
  replyCount: z.int(),
  /** The people it mentions, with their names for showing @name. */
  mentions: z.array(person.pick({ id: true, name: true })),
  mentionsAll: z.boolean(),
  reactions: z.array(reactionSummarySchema),
  /** Library files attached to it (the file's page has the rest). */
  attachments: z.array(z.object({ id: z.uuid(), fileId: z.uuid(), name: z.string(), kind: z.enum(PREVIEW_KINDS), sizeBytes: z.int() })),
  editedAt: z.iso.datetime().nullable(),
  deletedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type MessageResource = z.output<typeof messageResourceSchema>;
