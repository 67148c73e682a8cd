import type { ChannelListItem, MessageResource, ReactionSummary } from '@/lib/chat/resources';

// The state of an open channel, changed by what the user does and by the space's events. Pure,
// so the rules (no duplicates, order by seq, pending posts replaced by their stored message) are
// plain to read and test.

/** A message being sent: shown at once, replaced by the stored one when it comes back. */
export interface PendingMessage {
  clientKey: string;
  body: string;
  parentId: string | null;
  failed: boolean;
}

export interface ChatState {
  channelId: string;
  messages: MessageResource[];
  hasOlder: boolean;
  /** The page ends before the latest message (opened at a search hit): live messages do not follow on. */
  hasNewer: boolean;
  pending: PendingMessage[];
  /** How far each member has read (read receipts). */
  lastRead: Record<string, number>;
  channels: ChannelListItem[];
  /** The open thread: its root and replies. */
  thread: { root: MessageResource; replies: MessageResource[] } | null;
}

export type ChatAction =
  | { type: 'older'; messages: MessageResource[]; hasOlder: boolean }
  | { type: 'upsert'; message: MessageResource; clientKey?: string; meId: string }
  | { type: 'deleted'; id: string; channelId: string }
  | { type: 'reactions'; messageId: string; reactions: ReactionSummary[] }
  | { type: 'read'; channelId: string; userId: string; lastReadSeq: number; meId: string }
  | { type: 'pending'; message: PendingMessage }
  | { type: 'failed'; clientKey: string }
  | { type: 'thread'; thread: ChatState['thread'] }
  | { type: 'channel'; channel: Omit<ChannelListItem, 'unread' | 'mentions' | 'lastReadSeq'>; visible: boolean };

const bySeq = (a: MessageResource, b: MessageResource) => a.seq - b.seq;

function upsertInto(list: MessageResource[], message: MessageResource): MessageResource[] {
  const index = list.findIndex((m) => m.id === message.id);
  if (index >= 0) return list.map((m, i) => (i === index ? message : m));
  return [...list, message].sort(bySeq);
}

function patchMessage(state: ChatState, id: string, patch: (m: MessageResource) => MessageResource): ChatState {
  const apply = (list: MessageResource[]) => list.map((m) => (m.id === id ? patch(m) : m));
  const thread = state.thread && {
    root: state.thread.root.id === id ? patch(state.thread.root) : state.thread.root,
    replies: apply(state.thread.replies),
  };
  return { ...state, messages: apply(state.messages), thread };
}

const mentionsMe = (message: MessageResource, meId: string) => message.mentionsAll || message.mentions.some((m) => m.id === meId);

/** A new message elsewhere counts as unread there (and as a mention if it names the user). */
function countUnread(channels: ChannelListItem[], message: MessageResource, meId: string): ChannelListItem[] {
  if (message.author.id === meId) return channels;
  return channels.map((c) => (c.id === message.channelId
    ? { ...c, unread: c.unread + 1, mentions: c.mentions + (mentionsMe(message, meId) ? 1 : 0) }
    : c));
}

function upsert(state: ChatState, action: Extract<ChatAction, { type: 'upsert' }>): ChatState {
  const { message } = action;
  const pending = action.clientKey ? state.pending.filter((p) => p.clientKey !== action.clientKey) : state.pending;
  if (message.channelId !== state.channelId) {
    const known = state.messages.some((m) => m.id === message.id);
    return { ...state, pending, channels: known ? state.channels : countUnread(state.channels, message, action.meId) };
  }
  if (message.parentId) {
    const isNew = !state.thread?.replies.some((m) => m.id === message.id);
    const withCount = isNew ? patchMessage(state, message.parentId, (m) => ({ ...m, replyCount: m.replyCount + 1 })) : state;
    const thread = withCount.thread?.root.id === message.parentId ? { ...withCount.thread, replies: upsertInto(withCount.thread.replies, message) } : withCount.thread;
    return { ...withCount, pending, thread };
  }
  const thread = state.thread?.root.id === message.id ? { ...state.thread, root: message } : state.thread;
  if (state.hasNewer && !state.messages.some((m) => m.id === message.id)) return { ...state, pending, thread };
  return { ...state, pending, messages: upsertInto(state.messages, message), thread };
}

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'older': {
      const known = new Set(state.messages.map((m) => m.id));
      return { ...state, messages: [...action.messages.filter((m) => !known.has(m.id)), ...state.messages].sort(bySeq), hasOlder: action.hasOlder };
    }
    case 'upsert':
      return upsert(state, action);
    case 'deleted':
      return patchMessage(state, action.id, (m) => ({ ...m, body: '', mentions: [], mentionsAll: false, reactions: [], attachments: [], deletedAt: m.deletedAt ?? new Date().toISOString() }));
    case 'reactions':
      return patchMessage(state, action.messageId, (m) => ({ ...m, reactions: action.reactions }));
    case 'read': {
      const channels = action.userId === action.meId
        ? state.channels.map((c) => (c.id === action.channelId ? { ...c, unread: 0, mentions: 0, lastReadSeq: action.lastReadSeq } : c))
        : state.channels;
      if (action.channelId !== state.channelId) return { ...state, channels };
      const before = state.lastRead[action.userId] ?? 0;
      return { ...state, channels, lastRead: { ...state.lastRead, [action.userId]: Math.max(before, action.lastReadSeq) } };
    }
    case 'pending':
      return { ...state, pending: [...state.pending.filter((p) => p.clientKey !== action.message.clientKey), action.message] };
    case 'failed':
      return { ...state, pending: state.pending.map((p) => (p.clientKey === action.clientKey ? { ...p, failed: true } : p)) };
    case 'thread':
      return { ...state, thread: action.thread };
    case 'channel': {
      const others = state.channels.filter((c) => c.id !== action.channel.id);
      if (!action.visible || action.channel.archivedAt) return { ...state, channels: others };
      const existing = state.channels.find((c) => c.id === action.channel.id);
      const item: ChannelListItem = { unread: 0, mentions: 0, lastReadSeq: 0, ...existing, ...action.channel };
      return { ...state, channels: existing ? state.channels.map((c) => (c.id === item.id ? item : c)) : [...others, item] };
    }
  }
}
