import { getDatabaseHandle } from '@/db/client';
import type { SpaceEvent } from '@/db/schema';
import { EVENTS_CHANNEL, latestSpaceSeq, readSpaceEvents } from './events';
import { keepListening, type Listening } from './listening';
import { startEventPruning } from './retention';

// The process's fan-out of space events to its open streams. A NOTIFY (from any process, this one
// included) says a space has a new event; the hub reads the space's new events once and hands
// them to every stream of that space in this process, in order. Streams never query per event.

export interface Subscriber {
  /** New events, in order; the same array goes to every subscriber of the space (read-only). */
  deliver(events: readonly SpaceEvent[]): void;
}

interface SpaceTail {
  subscribers: Set<Subscriber>;
  /** The last event read and handed out. */
  cursor: number;
  ready: Promise<void>;
  reading: boolean;
  /** A signal came in while reading: read again before stopping. */
  again: boolean;
}

const READ_BATCH = 500;
const RETRY_MS = 1000;

interface HubState {
  spaces: Map<string, SpaceTail>;
  listening?: Listening;
}

// On globalThis, like the database handle: Next bundles route modules separately.
const globalState = globalThis as typeof globalThis & { __xiezuoHub?: HubState };
const state: HubState = (globalState.__xiezuoHub ??= { spaces: new Map() });

async function readNewEvents(spaceId: string, tail: SpaceTail): Promise<void> {
  if (tail.reading) {
    tail.again = true;
    return;
  }
  tail.reading = true;
  try {
    const { db } = await getDatabaseHandle();
    for (;;) {
      tail.again = false;
      // Under load several events arrive per read: each stream then gets them in one write.
      const events = await readSpaceEvents(db, spaceId, tail.cursor, READ_BATCH);
      if (events.length) {
        tail.cursor = events[events.length - 1]!.seq;
        for (const subscriber of tail.subscribers) subscriber.deliver(events);
      }
      if (events.length < READ_BATCH && !tail.again) break;
    }
  } catch {
    // The database is away: try again shortly, streams stay open and get the events late, in order.
    setTimeout(() => void readNewEvents(spaceId, tail), RETRY_MS).unref();
  } finally {
    tail.reading = false;
  }
}

/** A space has events up to `seq` (from a NOTIFY): hand out the ones this process has not. */
export function signalSpace(spaceId: string, seq = Number.POSITIVE_INFINITY): void {
  const tail = state.spaces.get(spaceId);
  if (tail && seq > tail.cursor) void tail.ready.then(() => readNewEvents(spaceId, tail));
}

/** After a lost LISTEN connection came back: notifications may have been missed, so read every space again. */
function signalAll(): void {
  for (const spaceId of state.spaces.keys()) signalSpace(spaceId);
}

function onNotify(payload: string): void {
  const [spaceId, seq] = payload.split(':');
  if (spaceId && seq) signalSpace(spaceId, Number(seq));
}

/**
 * Follows a space's events from now on: `deliver` gets each new event once, in order. Returns the
 * number of the last event before it joined, and a function to stop.
 */
export async function subscribeSpace(spaceId: string, subscriber: Subscriber): Promise<{ joinedAfter: number; unsubscribe: () => void }> {
  await keepListening(state, EVENTS_CHANNEL, onNotify, signalAll);
  startEventPruning();
  let tail = state.spaces.get(spaceId);
  if (!tail) {
    const created: SpaceTail = { subscribers: new Set(), cursor: 0, ready: Promise.resolve(), reading: false, again: false };
    created.ready = getDatabaseHandle()
      .then(({ db }) => latestSpaceSeq(db, spaceId))
      .then((seq) => {
        created.cursor = Math.max(created.cursor, seq);
      });
    state.spaces.set(spaceId, created);
    tail = created;
  }
  const joined = tail;
  await joined.ready;
  joined.subscribers.add(subscriber);
  return {
    joinedAfter: joined.cursor,
    unsubscribe: () => {
      joined.subscribers.delete(subscriber);
      if (!joined.subscribers.size && state.spaces.get(spaceId) === joined) state.spaces.delete(spaceId);
    },
  };
}

/** How many streams this process holds, by space (for the health page and tests). */
export function hubStats(): { spaces: number; streams: number } {
  let streams = 0;
  for (const tail of state.spaces.values()) streams += tail.subscribers.size;
  return { spaces: state.spaces.size, streams };
}
