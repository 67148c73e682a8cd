import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { channels, type User } from '@/db/schema';
import { userActor } from '@/lib/auth/actor';
import { createChannel } from '@/lib/chat/channels';
import { postMessage } from '@/lib/chat/post-message';
import { removeSpaceMember } from '@/lib/spaces/members';
import { updateTask } from '@/lib/tasks/service';
import { GET as eventsRoute } from '@/app/api/v1/spaces/[spaceId]/events/route';
import { sseReader } from '../support/sse-reader';
import { setupTestDatabase } from './support/database';
import { seedSpace, seedTask } from './support/factories';
import { authHeaders, routeContext } from './support/sheet-routes';

vi.mock('next/headers', () => ({
  cookies: async () => ({ has: () => false, get: () => undefined }),
  headers: async () => new Headers(),
}));

const database = setupTestDatabase();

type Seeded = Awaited<ReturnType<typeof seedSpace>>;

async function allChannel(spaceId: string) {
  const [channel] = await database.handle.db.select().from(channels).where(eq(channels.spaceId, spaceId));
  return channel!;
}

/** Opens the space's stream as `user`, optionally resuming after an event number. */
async function openStream(user: User, spaceId: string, lastEventId?: string) {
  const controller = new AbortController();
  const headers: Record<string, string> = await authHeaders(user);
  if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
  const response = await eventsRoute(new Request(`http://localhost/api/v1/spaces/${spaceId}/events`, { headers, signal: controller.signal }), routeContext(spaceId));
  return { response, events: response.body ? sseReader(response.body) : null, close: () => controller.abort() };
}

const post = (seeded: Seeded, channelId: string, body: string, author: User = seeded.participant) =>
  postMessage(userActor(author), channelId, { body });

describe('the space event stream', () => {
  it('announces a committed message to an open stream, with the space’s event number as its id', async () => {
    const seeded = await seedSpace();
    const channel = await allChannel(seeded.space.id);
    const stream = await openStream(seeded.observer, seeded.space.id);
    expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const [ready] = await stream.events!.next();
    expect(ready).toMatchObject({ event: 'ready', id: '0' });
    const { message } = await post(seeded, channel.id, '发布会场地定了');
    const [event] = await stream.events!.next();
    expect(event).toMatchObject({ event: 'message.created', id: String(message.seq), data: { id: message.id, body: '发布会场地定了', author: { name: '参与者' } } });
    stream.close();
  });

  it('replays what a reconnecting client missed, in order and once, then continues live', async () => {
    const seeded = await seedSpace();
    const channel = await allChannel(seeded.space.id);
    const first = await post(seeded, channel.id, '第一条');
    const missed = [];
    for (const text of ['二', '三', '四']) missed.push((await post(seeded, channel.id, text)).message);
    const stream = await openStream(seeded.owner, seeded.space.id, String(first.message.seq));
    const replayed = await stream.events!.next(3);
    expect(replayed.map((e) => e.id)).toEqual(missed.map((m) => String(m.seq)));
    expect(replayed.map((e) => (e.data as { body: string }).body)).toEqual(['二', '三', '四']);
    const live = await post(seeded, channel.id, '五');
    const [next] = await stream.events!.next();
    expect(next!.id).toBe(String(live.message.seq));
    expect(await stream.events!.drain()).toEqual([]);
    stream.close();
  });

  it('tells a client behind the retained events, or ahead of the space, to reload; refuses a malformed id', async () => {
    const seeded = await seedSpace();
    const channel = await allChannel(seeded.space.id);
    await post(seeded, channel.id, '一');
    const ahead = await openStream(seeded.owner, seeded.space.id, '999');
    expect((await ahead.events!.next())[0]).toMatchObject({ event: 'reset', id: '1' });
    ahead.close();
    const malformed = await openStream(seeded.owner, seeded.space.id, '12abc');
    expect(malformed.response.status).toBe(422);
  });

  it('sends private channels’ events only to their members, and task changes to everyone', async () => {
    const seeded = await seedSpace();
    const secret = await createChannel(userActor(seeded.admin), seeded.space.id, { name: '核心组', isPrivate: true, memberIds: [seeded.owner.id] });
    const outsider = await openStream(seeded.participant, seeded.space.id);
    const insider = await openStream(seeded.owner, seeded.space.id);
    await outsider.events!.next();
    await insider.events!.next();
    await postMessage(userActor(seeded.owner), secret.id, { body: '预算先不公开' });
    const task = await seedTask(seeded);
    await updateTask(userActor(seeded.admin), task.id, { priority: 'high' });
    expect((await insider.events!.next(3)).map((e) => e.event)).toEqual(['message.created', 'task.changed', 'task.changed']);
    expect((await outsider.events!.next(2)).map((e) => [e.event, e.data])).toEqual([
      ['task.changed', { taskIds: [task.id], by: seeded.admin.id }], ['task.changed', { taskIds: [task.id], by: seeded.admin.id }],
    ]);
    // The private event still moved the outsider's position on, so a reconnect does not ask for it.
    expect(outsider.events!.lastId).toBe(insider.events!.lastId);
    outsider.close();
    insider.close();
  });

  it('ends the stream of someone removed from the space; outsiders get 404 and no stream', async () => {
    const seeded = await seedSpace();
    const stream = await openStream(seeded.observer, seeded.space.id);
    await stream.events!.next();
    await removeSpaceMember(userActor(seeded.admin), seeded.space.id, seeded.observer.id);
    await expect(stream.events!.next(2, 2000)).rejects.toThrow(/stream ended|expected/);
    expect((await openStream(seeded.outsider, seeded.space.id)).response.status).toBe(404);
    expect((await openStream(seeded.observer, seeded.space.id)).response.status).toBe(404);
  });
});
