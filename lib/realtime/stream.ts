import { getDb } from '@/db/client';
import type { SpaceEvent } from '@/db/schema';
import { oldestSpaceSeq, readSpaceEvents } from './events';
import { subscribeSpace } from './hub';
import { openSseBody } from './sse-body';

/** A client further behind than this reloads instead of replaying (a "reset" event). */
export const MAX_REPLAY = 5000;
const REPLAY_BATCH = 500;
/** How long a browser waits before reconnecting (the SSE `retry:` field). */
const RETRY_MS = 3000;

/** Who is watching, and what of the space they may see. */
export interface StreamViewer {
  userId: string;
  /** Decides per event; may update what it lets through (a private channel joined or left). */
  canSee(event: SpaceEvent): boolean;
  /** The viewer has lost access (removed from the space): the stream ends after this event. */
  isShutOut(event: SpaceEvent): boolean;
}

const encoder = new TextEncoder();

/** One SSE frame: `id:` the event's number, `event:` its type, `data:` its JSON. */
export function sseFrame(event: { seq: number; type: string; data: unknown }): string {
  return `id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

// A batch goes to every stream of the space: it is encoded once, for all of them.
const encodedBatches = new WeakMap<readonly SpaceEvent[], Uint8Array>();
function encodeBatch(batch: readonly SpaceEvent[]): Uint8Array {
  let bytes = encodedBatches.get(batch);
  if (!bytes) encodedBatches.set(batch, (bytes = encoder.encode(batch.map(sseFrame).join(''))));
  return bytes;
}

/** Events whose delivery depends on who is watching (private channels, membership changes). */
const isPersonal = (event: SpaceEvent) => event.channelId !== null || event.type === 'channel.changed' || event.type === 'member.removed';

interface OpenOptions {
  spaceId: string;
  viewer: StreamViewer;
  /** The last event the client has (Last-Event-ID, or the page's own number on first connect); none: from now. */
  lastEventId: number | null;
  signal: AbortSignal;
}

/**
 * The body of a space's event stream. It replays what the client missed since `lastEventId`, then
 * sends new events as they commit; each event once, in order. A client too far behind, or behind
 * events already pruned, gets a `reset` event (reload your data) and continues from now.
 */
export async function openSpaceStream({ spaceId, viewer, lastEventId, signal }: OpenOptions): Promise<ReadableStream<Uint8Array>> {
  let unsubscribe = () => {};
  const body = openSseBody({ signal, retryMs: RETRY_MS, onClose: () => unsubscribe() });
  let lastSent = lastEventId ?? 0;
  // Live events that arrive while the gap is replayed wait here, so order holds.
  let queue: SpaceEvent[] | null = [];
  /** A live batch: shared bytes when every event in it is for everyone and new to this stream. */
  const sendBatch = (batch: readonly SpaceEvent[]) => {
    if (body.isClosed()) return;
    if (batch[0]!.seq > lastSent && !batch.some(isPersonal)) {
      lastSent = batch[batch.length - 1]!.seq;
      body.enqueue(encodeBatch(batch));
      return;
    }
    for (const event of batch) send(event);
  };
  const send = (event: SpaceEvent) => {
    if (body.isClosed() || event.seq <= lastSent) return;
    lastSent = event.seq;
    if (viewer.canSee(event)) body.write(sseFrame(event));
    // An event the viewer may not see still moves the id on, so a reconnect does not ask for it again.
    else body.write(`id: ${event.seq}\n\n`);
    if (viewer.isShutOut(event)) body.close();
  };

  const subscription = await subscribeSpace(spaceId, {
    deliver: (batch) => (queue ? queue.push(...batch) : sendBatch(batch)),
  });
  const { joinedAfter } = subscription;
  unsubscribe = subscription.unsubscribe;
  // The client may have gone while the stream was joining.
  if (body.isClosed()) unsubscribe();

  void (async () => {
    try {
      await replayGap();
      const waiting = queue ?? [];
      queue = null;
      for (const event of waiting) send(event);
    } catch {
      body.close();
    }
  })();
  return body.stream;

  async function replayGap() {
    if (lastEventId === null || lastEventId >= joinedAfter) {
      // From now: tell the client where "now" is, so its reconnects resume from there.
      if (lastEventId === null || lastEventId > joinedAfter) reset(joinedAfter, lastEventId === null ? 'ready' : 'reset');
      return;
    }
    const db = await getDb();
    const oldest = await oldestSpaceSeq(db, spaceId);
    if (joinedAfter - lastEventId > MAX_REPLAY || oldest === null || oldest > lastEventId + 1) return reset(joinedAfter, 'reset');
    let cursor = lastEventId;
    while (cursor < joinedAfter && !body.isClosed()) {
      const events = await readSpaceEvents(db, spaceId, cursor, REPLAY_BATCH);
      for (const event of events) if (event.seq <= joinedAfter) send(event);
      if (events.length < REPLAY_BATCH) break;
      cursor = events[events.length - 1]!.seq;
    }
  }

  /** `ready` on a first connect, `reset` when the gap cannot be replayed: the client's id becomes `seq`. */
  function reset(seq: number, type: 'ready' | 'reset') {
    lastSent = seq;
    body.write(sseFrame({ seq, type, data: {} }));
  }
}
