import { getDatabaseHandle, type DatabaseHandle } from '@/db/client';
import type { Listener } from '@/db/pg-listener';

/** A process's LISTEN on one channel, tied to the database handle it was opened on. */
export interface Listening {
  handle: DatabaseHandle;
  listener: Promise<Listener>;
}

/**
 * Keeps `holder.listening` a LISTEN on `channel` over the current database handle, once per handle
 * (tests and restarts open new handles; the old LISTEN closes). A failed LISTEN is retried on the next call.
 */
export async function keepListening(
  holder: { listening?: Listening },
  channel: string,
  onPayload: (payload: string) => void,
  onReconnect: () => void,
): Promise<void> {
  const handle = await getDatabaseHandle();
  if (holder.listening?.handle !== handle) {
    const previous = holder.listening;
    holder.listening = { handle, listener: handle.listen(channel, onPayload, onReconnect) };
    void previous?.listener.then((listener) => listener.close(), () => {});
    holder.listening.listener.catch(() => {
      if (holder.listening?.handle === handle) holder.listening = undefined;
    });
  }
  await holder.listening.listener;
}
