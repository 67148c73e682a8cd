// Client-safe facts about group chat, shared by the database schema, validation and views.

/** 全员 (the whole space, one per space), a department's group, or a topic. */
export const CHANNEL_KINDS = ['all', 'department', 'topic'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const CHANNEL_NAME_MAX = 60;
export const CHANNEL_TOPIC_MAX = 200;
/** A message's text, as typed (Markdown-lite). */
export const MESSAGE_MAX = 10_000;
/** Reactions are single emoji (a few code points with modifiers and joiners). */
export const REACTION_MAX = 16;
export const MESSAGE_PAGE_SIZE = 50;

/** Unread counts stop here; the badge shows "999+". */
export const UNREAD_CAP = 1000;
