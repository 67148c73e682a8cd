import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { channels, messages, spaceEvents } from '@/db/schema';
import { systemActor, userActor } from '@/lib/auth/actor';
import { createChannel, setChannelArchived } from '@/lib/chat/channels';
import { mentionMarkup } from '@/lib/chat/markdown';
import { markChannelRead } from '@/lib/chat/messages';
import { postMessage } from '@/lib/chat/post-message';
import { channelReaders, listChannels, messageReceipts, unreadBySpace } from '@/lib/chat/queries';
import { archiveSpace } from '@/lib/spaces/service';
import * as channelMessagesRoute from '@/app/api/v1/channels/[channelId]/messages/route';
import * as messageRoute from '@/app/api/v1/messages/[messageId]/route';
import * as reactionsRoute from '@/app/api/v1/messages/[messageId]/reactions/route';
import * as searchRoute from '@/app/api/v1/spaces/[spaceId]/messages/search/route';
import { call, tokenOf } from './support/api-client';
import { setupTestDatabase } from './support/database';
import { seedSpace, seedUser } from './support/factories';

vi.mock('next/headers', () => ({
  cookies: async () => ({ has: () => false, get: () => undefined }),
  headers: async () => new Headers(),
}));

const database = setupTestDatabase();

type Seeded = Awaited<ReturnType<typeof seedSpace>>;

async function allChannelOf(seeded: Seeded) {
  const [channel] = await database.handle.db.select().from(channels).where(eq(channels.spaceId, seeded.space.id));
  return channel!;
}

async function postAs(user: Seeded['admin'], channelId: string, body: unknown) {
  return call(channelMessagesRoute.POST, { token: await tokenOf(user), params: { channelId }, body });
}

describe('group chats of a space', () => {
  it('gives every new space its 全员 channel and the template’s group chats', async () => {
    const seeded = await seedSpace({ templateKey: 'builtin:product-launch' });
    const list = await listChannels(userActor(seeded.observer), seeded.space.id);
    expect(list[0]).toMatchObject({ name: '全员', kind: 'all', isPrivate: false, unread: 0 });
    expect(list.length).toBeGreaterThan(1);
    expect(list.slice(1).every((c) => c.kind === 'topic')).toBe(true);
  });

  it('hides a private channel from everyone but its members, even space admins outside it', async () => {
    const seeded = await seedSpace();
    const secret = await createChannel(userActor(seeded.owner), seeded.space.id, { name: '预算小组', isPrivate: true, memberIds: [seeded.participant.id] });
    expect(secret.memberIds.sort()).toEqual([seeded.owner.id, seeded.participant.id].sort());
    expect((await listChannels(userActor(seeded.admin), seeded.space.id)).map((c) => c.name)).toEqual(['全员']);
    expect((await postAs(seeded.admin, secret.id, { body: '我能看吗' })).status).toBe(404);
    expect((await postAs(seeded.participant, secret.id, { body: '只有我们看得到' })).status).toBe(201);
    await expect(createChannel(userActor(seeded.owner), seeded.space.id, { name: '预算小组' })).rejects.toMatchObject({ status: 409 });
    await expect(createChannel(userActor(seeded.participant), seeded.space.id, { name: '新群' })).rejects.toMatchObject({ status: 403 });
  });
});

describe('posting messages', () => {
  it('stores a retried post once under its client key, and answers the retry with the stored message', async () => {
    const seeded = await seedSpace();
    const channel = await allChannelOf(seeded);
    const body = { body: '明天 10 点开发布会筹备会', clientKey: 'retry-key-0001' };
    const first = await postAs(seeded.participant, channel.id, body);
    const retry = await postAs(seeded.participant, channel.id, body);
    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(retry.body.message.id).toBe(first.body.message.id);
    const concurrent = await Promise.all([1, 2, 3].map(() => postAs(seeded.participant, channel.id, { ...body, clientKey: 'retry-key-0002' })));
    expect(new Set(concurrent.map((r) => r.body.message.id)).size).toBe(1);
    expect(await database.handle.db.select({ id: messages.id }).from(messages).where(eq(messages.channelId, channel.id))).toHaveLength(2);
  });

  it('numbers posts that arrive together in one order, each with its own event, none lost', async () => {
    const seeded = await seedSpace();
    const channel = await allChannelOf(seeded);
    const authors = [seeded.admin, seeded.owner, seeded.participant];
    const posted = await Promise.all(Array.from({ length: 30 }, (_, i) =>
      postMessage(userActor(authors[i % 3]!), channel.id, { body: `同时发送 ${i}`, clientKey: `together-${i}-${Date.now()}` })));
    const seqs = posted.map((p) => p.message.seq).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(30);
    expect(seqs[29]! - seqs[0]!).toBe(29);
    const events = await database.handle.db.select().from(spaceEvents).where(eq(spaceEvents.spaceId, seeded.space.id));
    expect(events.filter((e) => e.type === 'message.created').map((e) => e.seq).sort((a, b) => a - b)).toEqual(seqs);
    for (const { message } of posted) expect(events.find((e) => e.seq === message.seq)?.data).toMatchObject({ id: message.id, seq: message.seq });
  });

  it('refuses empty, over-long and non-member mentions, observers, archived channels and spaces, and other spaces’ channels', async () => {
    const seeded = await seedSpace();
    const other = await seedSpace();
    const channel = await allChannelOf(seeded);
    const stranger = await seedUser();
    expect(await postAs(seeded.participant, channel.id, { body: '   ' })).toMatchObject({ status: 422, body: { error: { fields: { body: ['Type a message'] } } } });
    expect((await postAs(seeded.participant, channel.id, { body: '字'.repeat(10_001) })).status).toBe(422);
    expect(await postAs(seeded.participant, channel.id, { body: `请 ${mentionMarkup(stranger.id)} 看看` })).toMatchObject({ status: 422, body: { error: { fields: { body: ['Only members of this chat can be mentioned'] } } } });
    expect((await postAs(seeded.observer, channel.id, { body: '观察者发言' })).status).toBe(403);
    expect((await postAs(other.admin, channel.id, { body: '串门' })).status).toBe(404);
    expect((await postAs(seeded.participant, 'not-a-channel', { body: '?' })).status).toBe(404);
    const topic = await createChannel(userActor(seeded.admin), seeded.space.id, { name: '旧话题' });
    await setChannelArchived(userActor(seeded.admin), topic.id, true);
    expect(await postAs(seeded.participant, topic.id, { body: '还能发吗' })).toMatchObject({ status: 403, body: { error: { message: 'This chat is archived: nothing new can be posted' } } });
    await archiveSpace(systemActor, seeded.space.id);
    expect((await postAs(seeded.admin, channel.id, { body: '归档后' })).status).toBe(403);
    expect(await database.handle.db.select().from(messages).where(eq(messages.spaceId, seeded.space.id))).toEqual([]);
  });

  it('answers a flood of posts from one person with 429, having stored only what it accepted', async () => {
    const seeded = await seedSpace();
    const channel = await allChannelOf(seeded);
    await tokenOf(seeded.owner);
    // All at once, as a runaway client would: one after the other on a slow machine, the
    // allowance refills between posts and no refusal is certain.
    const results = (await Promise.all(Array.from({ length: 40 }, (_, i) => postAs(seeded.owner, channel.id, { body: `刷屏 ${i}` })))).map((r) => r.status);
    expect(results).toContain(429);
    const stored = await database.handle.db.select().from(messages).where(eq(messages.channelId, channel.id));
    expect(stored).toHaveLength(results.filter((s) => s === 201).length);
  });

  it('lets the author edit and delete, shows "edited", and keeps reactions per person', async () => {
    const seeded = await seedSpace();
    const channel = await allChannelOf(seeded);
    const { body } = await postAs(seeded.participant, channel.id, { body: '初稿' });
    const id = body.message.id;
    expect((await call(messageRoute.PATCH, { token: await tokenOf(seeded.owner), params: { messageId: id }, body: { body: '别人改' }, method: 'PATCH' })).status).toBe(403);
    const edited = await call(messageRoute.PATCH, { token: await tokenOf(seeded.participant), params: { messageId: id }, body: { body: '定稿' }, method: 'PATCH' });
    expect(edited.body.message).toMatchObject({ body: '定稿', editedAt: expect.any(String) });
    for (const user of [seeded.owner, seeded.observer, seeded.owner]) {
      await call(reactionsRoute.POST, { token: await tokenOf(user), params: { messageId: id }, body: { emoji: '👍' } });
    }
    const bad = await call(reactionsRoute.POST, { token: await tokenOf(seeded.owner), params: { messageId: id }, body: { emoji: '<b>' } });
    expect(bad.status).toBe(422);
    const after = await call(reactionsRoute.DELETE, { token: await tokenOf(seeded.owner), params: { messageId: id }, query: '?emoji=%F0%9F%91%8D', method: 'DELETE' });
    expect(after.body.reactions).toEqual([{ emoji: '👍', userIds: [seeded.observer.id] }]);
    expect((await call(messageRoute.DELETE, { token: await tokenOf(seeded.participant), params: { messageId: id }, method: 'DELETE' })).status).toBe(204);
    const [row] = await database.handle.db.select().from(messages).where(eq(messages.id, id));
    expect(row).toMatchObject({ body: '', deletedAt: expect.any(Date) });
  });
});

describe('unread counts and read receipts', () => {
  it('counts unread messages and mentions per channel and space, until read', async () => {
    const seeded = await seedSpace();
    const channel = await allChannelOf(seeded);
    await postMessage(userActor(seeded.participant), channel.id, { body: '大家看一下排期' });
    await postMessage(userActor(seeded.participant), channel.id, { body: `${mentionMarkup(seeded.owner.id)} 请确认预算` });
    const { message } = await postMessage(userActor(seeded.admin), channel.id, { body: '<!all> 周五前提交' });
    const forOwner = await listChannels(userActor(seeded.owner), seeded.space.id);
    expect(forOwner[0]).toMatchObject({ unread: 3, mentions: 2 });
    expect((await listChannels(userActor(seeded.participant), seeded.space.id))[0]).toMatchObject({ unread: 1, mentions: 1 });
    expect((await unreadBySpace(userActor(seeded.owner)))[seeded.space.id]).toEqual({ unread: 3, mentions: 2 });
    await markChannelRead(userActor(seeded.owner), channel.id, message.seq);
    expect((await listChannels(userActor(seeded.owner), seeded.space.id))[0]).toMatchObject({ unread: 0, mentions: 0, lastReadSeq: message.seq });
  });

  it('says who has read a message and who has not, never moving a read position back', async () => {
    const seeded = await seedSpace();
    const channel = await allChannelOf(seeded);
    const { message } = await postMessage(userActor(seeded.admin), channel.id, { body: '会议改到下午三点' });
    await markChannelRead(userActor(seeded.owner), channel.id, message.seq);
    await markChannelRead(userActor(seeded.owner), channel.id, 0);
    await markChannelRead(userActor(seeded.observer), channel.id, message.seq + 100);
    const receipts = await messageReceipts(userActor(seeded.admin), message.id);
    expect(receipts.read.map((p) => p.name).sort()).toEqual(['负责人', '观察者'].sort());
    expect(receipts.unread.map((p) => p.name)).toEqual(['参与者']);
    const readers = await channelReaders(userActor(seeded.participant), channel.id);
    expect(readers.lastRead[seeded.observer.id]).toBe(message.seq);
  });
});

describe('searching messages', () => {
  it('finds every message containing the words inside longer Chinese sentences, and nothing else', async () => {
    const seeded = await seedSpace();
    const channel = await allChannelOf(seeded);
    const texts = [
      '明天的发布会场地在三楼', '发布会预算还差两万', '新品发 布会彩排', '预算表已更新', '会议纪要：发布时间待定',
      'Budget review for the launch', `${mentionMarkup(seeded.owner.id)} 请看预算`, '春节前发布',
    ];
    for (const body of texts) await postMessage(userActor(seeded.participant), channel.id, { body });
    const search = async (q: string) => {
      const { status, body } = await call(searchRoute.GET, { token: await tokenOf(seeded.observer), params: { spaceId: seeded.space.id }, query: `?q=${encodeURIComponent(q)}` });
      expect(status).toBe(200);
      return body.hits.map((hit: { snippet: string }) => hit.snippet).sort();
    };
    const truth = (q: string) => ['明天的发布会场地在三楼', '发布会预算还差两万', '新品发 布会彩排', '预算表已更新', '会议纪要：发布时间待定', 'Budget review for the launch', '@负责人 请看预算', '春节前发布']
      .filter((text) => q.split(' ').every((term) => text.toLowerCase().includes(term.toLowerCase()))).sort();
    for (const q of ['发布会', '预算', '发', '布会', '会议', 'budget', '负责人', '发布 预算', '发布会预']) expect(await search(q)).toEqual(truth(q));
    const first = await call(searchRoute.GET, { token: await tokenOf(seeded.observer), params: { spaceId: seeded.space.id }, query: '?q=%E5%8F%91%E5%B8%83%E4%BC%9A' });
    expect(first.body).toMatchObject({ total: 2, capped: false, nextBefore: null });
    expect(first.body.hits[0].highlights).toEqual([[0, 3]]);
    const nothing = await call(searchRoute.GET, { token: await tokenOf(seeded.observer), params: { spaceId: seeded.space.id }, query: '?q=%EF%BC%81' });
    expect(nothing.status).toBe(422);
    const outsider = await call(searchRoute.GET, { token: await tokenOf(seeded.outsider), params: { spaceId: seeded.space.id }, query: '?q=x' });
    expect(outsider.status).toBe(404);
  });
});
