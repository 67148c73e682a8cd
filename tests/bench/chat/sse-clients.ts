import http from 'node:http';

// The client side of the fan-out benchmark: many SSE connections in this process, each noting
// when a marker (a unique string in a posted message) arrives. The same harness listens to the
// app and to the bare baseline broadcaster, so both are measured alike.

export interface SseClients {
  /** Resolves once every client has seen `marker`; gives each client's receipt time (performance.now()). */
  waitFor(marker: string, timeoutMs?: number): Promise<number[]>;
  close(): void;
}

/** Opens `count` event streams to `url` (with `headers`) and waits until each has received its first bytes. */
export async function openSseClients(url: string, count: number, headers: Record<string, string> = {}): Promise<SseClients> {
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const waiting = new Map<string, { times: (number | undefined)[]; left: number; done: (times: number[]) => void }>();
  const requests: http.ClientRequest[] = [];
  // Text after the last complete marker check, per client: a marker may be split across chunks.
  const tails: string[] = [];

  const onData = (index: number, chunk: Buffer) => {
    const now = performance.now();
    const text = tails[index] + chunk.toString('utf8');
    tails[index] = text.slice(-64);
    for (const [marker, wait] of waiting) {
      if (wait.times[index] === undefined && text.includes(marker)) {
        wait.times[index] = now;
        if (--wait.left === 0) {
          waiting.delete(marker);
          wait.done(wait.times as number[]);
        }
      }
    }
  };

  await Promise.all(Array.from({ length: count }, (_, index) => new Promise<void>((resolve, reject) => {
    tails[index] = '';
    const request = http.get(url, { agent, headers: { accept: 'text/event-stream', ...headers } }, (response) => {
      if (response.statusCode !== 200) {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => reject(new Error(`stream ${index}: HTTP ${response.statusCode} ${body}`)));
        return;
      }
      let first = true;
      response.on('data', (chunk: Buffer) => {
        if (first) {
          first = false;
          resolve();
        }
        onData(index, chunk);
      });
    });
    request.on('error', reject);
    requests.push(request);
  })));

  return {
    waitFor(marker, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(marker);
          reject(new Error(`${marker}: not every client received it in ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.set(marker, { times: new Array(count), left: count, done: (times) => (clearTimeout(timer), resolve(times)) });
      });
    },
    close() {
      for (const request of requests) request.destroy();
      agent.destroy();
    },
  };
}
