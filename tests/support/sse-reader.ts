// Reads a Server-Sent Events response the way a browser's EventSource does, for tests and benchmarks.

export interface SseEvent {
  id: string | null;
  event: string;
  data: unknown;
}

/** Parses frames from a stream body as they arrive; comments (heartbeats) and retry lines are skipped. */
export function sseReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const ready: SseEvent[] = [];
  /** Bare `id:` frames (events the reader may not see) move the id on without an event. */
  let lastId: string | null = null;
  // One read at a time: a read that lost a race against a timeout is still the next chunk.
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  const readWithin = async (ms: number) => {
    // A connection cut (the server died) ends the stream like a close.
    pending ??= reader.read().catch(() => ({ done: true, value: undefined }) as ReadableStreamReadResult<Uint8Array>);
    const chunk = await Promise.race([pending, new Promise<null>((resolve) => setTimeout(() => resolve(null), ms))]);
    if (chunk) pending = null;
    return chunk;
  };

  function parseFrames() {
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let id: string | null = null;
      let event = 'message';
      const data: string[] = [];
      for (const line of frame.split('\n')) {
        if (line.startsWith(':')) continue;
        const [field, ...rest] = line.split(':');
        const value = rest.join(':').replace(/^ /, '');
        if (field === 'id') id = value;
        else if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      if (id !== null) lastId = id;
      if (data.length) ready.push({ id, event, data: JSON.parse(data.join('\n')) });
    }
  }

  return {
    get lastId() {
      return lastId;
    },
    /** The next `count` events, or throws after `timeoutMs`. */
    async next(count = 1, timeoutMs = 5000): Promise<SseEvent[]> {
      const deadline = Date.now() + timeoutMs;
      while (ready.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} events, got ${ready.length}`);
        const chunk = await readWithin(left);
        if (chunk === null) continue;
        if (chunk.done) throw new Error(`stream ended after ${ready.length} of ${count} events`);
        buffer += decoder.decode(chunk.value, { stream: true });
        parseFrames();
      }
      return ready.splice(0, count);
    },
    /** Events that arrive within `ms`, without waiting for a number of them. */
    async drain(ms = 300): Promise<SseEvent[]> {
      const deadline = Date.now() + ms;
      for (;;) {
        const left = deadline - Date.now();
        if (left <= 0) break;
        const chunk = await readWithin(left);
        if (chunk === null || chunk.done) break;
        buffer += decoder.decode(chunk.value, { stream: true });
        parseFrames();
      }
      return ready.splice(0);
    },
    async close() {
      await reader.cancel().catch(() => {});
    },
  };
}
