import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { channelMembers, channels, type SpaceEvent } from '@/db/schema';
import { actorId, type Actor } from '@/lib/auth/actor';
import { Invalid } from '@/lib/errors';
import { authorizeSpace } from '@/lib/spaces/access';
import { latestSpaceSeq } from './events';
import { openSpaceStream, type StreamViewer } from './stream';

/** Last-Event-ID (or `?lastEventId=`): an event number; absent means "from now". */
export function parseLastEventId(value: string | null): number | null {
  if (value === null || value === '') return null;
  if (!/^\d{1,15}$/.test(value)) throw Invalid({ lastEventId: ['invalid'] });
  return Number(value);
}

async function privateChannelsOf(spaceId: string, userId: string | null): Promise<Set<string>> {
  if (!userId) return new Set();
  const db = await getDb();
  const rows = await db.select({ id: channelMembers.channelId }).from(channelMembers)
    .innerJoin(channels, eq(channels.id, channelMembers.channelId))
    .where(and(eq(channels.spaceId, spaceId), eq(channelMembers.userId, userId)));
  return new Set(rows.map((row) => row.id));
}

/**
 * What of a space's stream a person may see: events of the whole space, those of the private
 * channels they are in, and a private channel's changes when they join or leave it (the set is
 * kept current from those events). Removal from the space ends their stream.
 */
export function viewerOf(userId: string | null, privateChannels: Set<string>): StreamViewer {
  return {
    userId: userId ?? '',
    canSee(event: SpaceEvent) {
      if (event.type === 'channel.changed') {
        const data = event.data as { id: string; isPrivate: boolean; memberIds: string[] };
        if (!data.isPrivate) return true;
        const wasIn = privateChannels.has(data.id);
        if (userId && data.memberIds.includes(userId)) privateChannels.add(data.id);
        else privateChannels.delete(data.id);
        return wasIn || privateChannels.has(data.id);
      }
      return event.channelId === null || privateChannels.has(event.channelId);
    },
    isShutOut(event: SpaceEvent) {
      return event.type === 'member.removed' && Boolean(userId) && (event.data as { userIds: string[] }).userIds.includes(userId!);
    },
  };
}

/** Headers of every event stream. */
export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  // nginx would otherwise buffer the stream.
  'x-accel-buffering': 'no',
} as const;

/**
 * The space's event stream (Server-Sent Events) for a person who may see the space: what they
 * missed since Last-Event-ID, then everything new, with a heartbeat.
 */
export async function spaceEventsResponse(actor: Actor, spaceId: string, request: Request): Promise<Response> {
  const db = await getDb();
  await authorizeSpace(db, actor, spaceId, 'space.view');
  const url = new URL(request.url);
  const lastEventId = parseLastEventId(request.headers.get('last-event-id') ?? url.searchParams.get('lastEventId'));
  const userId = actorId(actor);
  const viewer = viewerOf(userId, await privateChannelsOf(spaceId, userId));
  const body = await openSpaceStream({ spaceId, viewer, lastEventId, signal: request.signal });
  return new Response(body, { headers: SSE_HEADERS });
}

/** The space's latest event number, for a page to start its stream from (no gap between render and connect). */
export async function spaceStreamPosition(actor: Actor, spaceId: string): Promise<number> {
  const db = await getDb();
  await authorizeSpace(db, actor, spaceId, 'space.view');
  return latestSpaceSeq(db, spaceId);
}
