import type { FileStorage, StreamingStorage } from './types';

/** `put`/`read` for small files, on top of the streaming calls, so every store offers both. */
export function withBufferedCalls(storage: StreamingStorage): FileStorage {
  return {
    ...storage,
    async put(key, data) {
      await storage.write(key, (async function* () { yield data; })(), { maxBytes: data.byteLength });
    },
    async read(key) {
      const opened = await storage.openRead(key);
      return opened ? new Uint8Array(await new Response(opened.body).arrayBuffer()) : null;
    },
  };
}
