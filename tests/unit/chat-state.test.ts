import { describe, expect, it } from 'vitest';
import { chatReducer, type ChatState } from '@/components/chat/chat-state';
import type { ChannelListItem, MessageResource } from '@/lib/chat/resources';

const me = '00000000-0000-4000-8000-00000000000a';
const other = '00000000-0000-4000-8000-00000000000b';
const channel = (id: string): ChannelListItem => ({
  id, spaceId: 's', name: id, topic: null, kind: 'topic', departmentId: null, isPrivate: false, archivedAt: null, memberIds: [], unread: 0, mentions: 0, lastReadSeq: 0,
});
const message = (id: string, seq: number, overrides: Partial<MessageResource> = {}): MessageResource => ({
  id, channelId: 'c1', seq, author: { id: other, name: '张伟', avatarUrl: null }, body: id, parentId: null, replyCount: 0,
  mentions: [], mentionsAll: false, reactions: [], attachments: [], editedAt: null, deletedAt: null, createdAt: '2026-12-01T00:00:00Z', ...overrides,
});
const initial = (messages: MessageResource[] = []): ChatState => ({
  channelId: 'c1', messages, hasOlder: false, hasNewer: false, pending: [], lastRead: {}, channels: [channel('c1'), channel('c2')], thread: null,
});

describe('the open chat’s state', () => {
  it('keeps messages in seq order without repeats, whether they come from the stream or the post’s answer', () => {
    let state = chatReducer(initial([message('a', 1)]), { type: 'pending', message: { clientKey: 'k', body: 'b', parentId: null, failed: false } });
    state = chatReducer(state, { type: 'upsert', message: message('c', 3), meId: me });
    state = chatReducer(state, { type: 'upsert', message: message('b', 2, { author: { id: me, name: '我', avatarUrl: null } }), clientKey: 'k', meId: me });
    state = chatReducer(state, { type: 'upsert', message: message('b', 2, { author: { id: me, name: '我', avatarUrl: null } }), meId: me });
    expect(state.messages.map((m) => m.id)).toEqual(['a', 'b', 'c']);
    expect(state.pending).toEqual([]);
  });

  it('counts a message elsewhere as unread there, and as a mention when it names the reader', () => {
    let state = chatReducer(initial(), { type: 'upsert', message: message('x', 5, { channelId: 'c2' }), meId: me });
    state = chatReducer(state, { type: 'upsert', message: message('y', 6, { channelId: 'c2', mentions: [{ id: me, name: '我' }] }), meId: me });
    state = chatReducer(state, { type: 'upsert', message: message('z', 7, { channelId: 'c2', author: { id: me, name: '我', avatarUrl: null } }), meId: me });
    expect(state.channels.find((c) => c.id === 'c2')).toMatchObject({ unread: 2, mentions: 1 });
    state = chatReducer(state, { type: 'read', channelId: 'c2', userId: me, lastReadSeq: 7, meId: me });
    expect(state.channels.find((c) => c.id === 'c2')).toMatchObject({ unread: 0, mentions: 0 });
  });

  it('adds a reply to its open thread and counts it on the first message, once', () => {
    const root = message('r', 1);
    let state = chatReducer(initial([root]), { type: 'thread', thread: { root, replies: [] } });
    const reply = message('re', 2, { parentId: 'r' });
    state = chatReducer(state, { type: 'upsert', message: reply, meId: me });
    state = chatReducer(state, { type: 'upsert', message: reply, meId: me });
    expect(state.messages.map((m) => [m.id, m.replyCount])).toEqual([['r', 1]]);
    expect(state.thread?.replies.map((m) => m.id)).toEqual(['re']);
  });

  it('does not append live messages to a page opened at an older search hit', () => {
    const state = chatReducer({ ...initial([message('a', 1)]), hasNewer: true }, { type: 'upsert', message: message('n', 9), meId: me });
    expect(state.messages.map((m) => m.id)).toEqual(['a']);
  });
});
