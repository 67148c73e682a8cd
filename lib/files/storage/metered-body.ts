import { createHash } from 'node:crypto';
import { Invalid } from '@/lib/errors';
import type { StorageBody, WriteResult } from './types';

/** Enough for file-type to recognise every format it knows (its own minimum sample). */
export const HEAD_BYTES = 4100;

async function* chunksOf(body: StorageBody): AsyncGenerator<Uint8Array> {
  if (!('getReader' in body)) {
    yield* body;
    return;
  }
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Stopping early (cap reached, store failed) tells the sender to stop too; after the end it is a no-op.
    await reader.cancel().catch(() => undefined);
  }
}

/**
 * The body's chunks, passed on as they arrive while they are counted and hashed. The generator
 * throws `fileTooLarge` as soon as more than `maxBytes` arrived, so a store consuming it stops
 * there; `result()` is what it saw, once the generator has run to its end.
 */
export function meterBody(body: StorageBody, maxBytes: number): {
  chunks: AsyncGenerator<Uint8Array>;
  result: () => WriteResult;
  /** Why the chunks stopped early (the cap, the sender's own error), if they did. */
  failure: () => unknown;
} {
  const hash = createHash('sha256');
  const head = new Uint8Array(HEAD_BYTES);
  let headLength = 0;
  let size = 0;
  let seen: WriteResult | null = null;
  let failure: unknown;

  async function* chunks(): AsyncGenerator<Uint8Array> {
    try {
      for await (const chunk of chunksOf(body)) {
        size += chunk.byteLength;
        if (size > maxBytes) throw Invalid({ file: ['fileTooLarge'] });
        hash.update(chunk);
        if (headLength < HEAD_BYTES) {
          const part = chunk.subarray(0, HEAD_BYTES - headLength);
          head.set(part, headLength);
          headLength += part.byteLength;
        }
        yield chunk;
      }
    } catch (error) {
      failure = error;
      throw error;
    }
    seen = { size, sha256: hash.digest('hex'), head: head.slice(0, headLength) };
  }

  return {
    chunks: chunks(),
    result() {
      if (!seen) throw new Error('The body was not read to its end');
      return seen;
    },
    failure: () => failure,
  };
}
