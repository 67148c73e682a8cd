// Client-safe: the kinds of event a space's stream carries, and what each one's data holds.

export const SPACE_EVENT_TYPES = [
  /** data: the message resource (lib/chat/resources). */
  'message.created',
  'message.updated',
  /** data: { id, channelId } */
  'message.deleted',
  /** data: { messageId, channelId, reactions } */
  'message.reactions',
  /** data: { channelId, userId, lastReadSeq }: read receipts. */
  'channel.read',
  /** data: the channel resource; a private channel's member list changes with it. */
  'channel.changed',
  /** data: { taskIds }: tasks created, changed, moved or deleted. */
  'task.changed',
  /** data: { fileIds, by }: files or folders of the library added, changed, moved or deleted. */
  'file.changed',
  /** data: { meetingId, by }: a meeting, its agenda, notes, minutes or action items changed. */
  'meeting.changed',
  /** data: { announcementId, by }: an announcement posted, pinned, taken back or acknowledged. */
  'announcement.changed',
  /** data: { targetType, targetId, by }: a comment on a task or file added, edited, deleted or answered. */
  'comment.changed',
  /** data: { by }: the retrospective (复盘) was saved, completed or reopened. */
  'retro.changed',
  /** data: { pageId, version, by }: a knowledge-base page saved, moved, deleted or restored. */
  'kb.changed',
  /** data: { userIds }: people who left the space (their streams end). */
  'member.removed',
] as const;
export type SpaceEventType = (typeof SPACE_EVENT_TYPES)[number];

/** An event as the stream sends it: `id:` is seq, `event:` the type, `data:` this JSON. */
export interface StreamedEvent {
  seq: number;
  type: SpaceEventType;
  data: Record<string, unknown>;
}
