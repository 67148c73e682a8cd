import type { Client } from 'pg';

export interface Listener {
  /** Stops listening and closes the connection. */
  close(): Promise<void>;
}

const RETRY_MS = [250, 500, 1000, 2000, 5000];

/**
 * LISTEN on a Postgres channel over a connection of its own (a pooled one would be handed to
 * other queries). When the connection drops (a restart, a network cut) it reconnects with
 * backoff and calls `onReconnect`, since notifications sent meanwhile are lost: the caller
 * re-reads what it follows.
 */
export async function listenPostgres(
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
  onReconnect: () => void,
): Promise<Listener> {
  const { Client: PgClient } = await import('pg');
  let client: Client | null = null;
  let closed = false;
  let attempt = 0;

  const connect = async (): Promise<void> => {
    const next = new PgClient({ connectionString: url, connectionTimeoutMillis: 5000, keepAlive: true });
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload) onPayload(message.payload);
    });
    next.on('error', () => {
      // Handled by 'end', which follows; without this listener the error would crash the process.
    });
    next.on('end', () => {
      if (client === next) client = null;
      if (!closed) scheduleReconnect();
    });
    await next.connect();
    await next.query(`LISTEN ${JSON.stringify(channel)}`);
    client = next;
  };

  const scheduleReconnect = () => {
    const delay = RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]!;
    setTimeout(() => {
      if (closed) return;
      connect().then(() => {
        attempt = 0;
        onReconnect();
      }, () => scheduleReconnect());
    }, delay).unref();
  };

  await connect();
  return {
    async close() {
      closed = true;
      await client?.end().catch(() => {});
      client = null;
    },
  };
}
