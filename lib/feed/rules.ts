// Client-safe facts about the space feed (动态) and announcements (公告).

/** The changes the feed shows, each a readable line; everything else stays in the audit log only. */
export const FEED_KINDS = [
  'task.created',
  'task.completed',
  'task.blocked',
  'member.joined',
  'file.uploaded',
  'file.version',
  'meeting.scheduled',
  'meeting.decision',
  'milestone.reached',
  'announcement.posted',
] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

/** The filter chips: each groups the kinds of one part of the space. */
export const FEED_GROUPS = {
  tasks: ['task.created', 'task.completed', 'task.blocked'],
  milestones: ['milestone.reached'],
  members: ['member.joined'],
  files: ['file.uploaded', 'file.version'],
  meetings: ['meeting.scheduled', 'meeting.decision'],
  announcements: ['announcement.posted'],
} as const satisfies Record<string, readonly FeedKind[]>;
export type FeedGroup = keyof typeof FEED_GROUPS;
export const FEED_GROUP_NAMES = Object.keys(FEED_GROUPS) as FeedGroup[];

export const FEED_PAGE_SIZE = 30;

export const ANNOUNCEMENT_TITLE_MAX = 120;
export const ANNOUNCEMENT_BODY_MAX = 5000;
/** Pinned announcements stay above the feed; more than a few would push it off the screen. */
export const ANNOUNCEMENT_PINNED_MAX = 3;
