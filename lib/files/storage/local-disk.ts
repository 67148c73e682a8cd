import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Invalid } from '@/lib/errors';
import { withBufferedCalls } from './buffered';
import { assertStorageKey } from './keys';
import { meterBody } from './metered-body';
import { assertRange, clampRange, noBytes } from './range';
import type { FileStorage } from './types';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';
// EDQUOT is a user's disk quota running out: to the uploader it is the same full store.
const isDiskFull = (error: unknown) => ['ENOSPC', 'EDQUOT'].includes((error as NodeJS.ErrnoException).code ?? '');

// Bytes arrive from the network in small pieces; the disk is read and written a megabyte at a
// time, since each system call costs more than copying the pieces together.
const IO_CHUNK_BYTES = 1024 * 1024;

/** The chunks joined into pieces of at least `size` bytes (the last may be smaller). */
async function* coalesce(chunks: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Uint8Array> {
  let pending: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    pending.push(chunk);
    length += chunk.byteLength;
    if (length >= size) {
      yield Buffer.concat(pending, length);
      pending = [];
      length = 0;
    }
  }
  if (length) yield Buffer.concat(pending, length);
}

/**
 * Files under one directory, one file per key. A write streams into a temporary file beside the
 * target and renames it when complete, so readers see the old bytes or the new, never a part.
 */
export function localDiskStorage(root: string): FileStorage {
  const pathOf = (key: string) => {
    assertStorageKey(key);
    return path.join(root, key);
  };

  return withBufferedCalls({
    async write(key, body, { maxBytes }) {
      const target = pathOf(key);
      const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      const metered = meterBody(body, maxBytes);
      try {
        await mkdir(path.dirname(target), { recursive: true });
        await pipeline(coalesce(metered.chunks, IO_CHUNK_BYTES), createWriteStream(temporary, { flags: 'wx', highWaterMark: IO_CHUNK_BYTES }));
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        throw isDiskFull(error) ? Invalid({ file: ['storageFull'] }) : error;
      }
      return metered.result();
    },

    async openRead(key, range) {
      if (range) assertRange(range);
      // One handle for the size and the bytes: a file replaced in between cannot mix the two.
      const handle = await open(pathOf(key), 'r').catch((error: unknown) => {
        if (isMissing(error)) return null;
        throw error;
      });
      if (!handle) return null;
      try {
        const { size } = await handle.stat();
        const wanted = clampRange(range ?? { start: 0, end: Number.MAX_SAFE_INTEGER }, size);
        if (!wanted) {
          await handle.close();
          return { body: noBytes(), size };
        }
        // The stream owns the handle from here and closes it at the end or on cancel.
        const stream = handle.createReadStream({ start: wanted.start, end: wanted.end, highWaterMark: IO_CHUNK_BYTES });
        return { body: Readable.toWeb(stream) as ReadableStream<Uint8Array>, size };
      } catch (error) {
        await handle.close();
        throw error;
      }
    },

    async stat(key) {
      try {
        const stats = await stat(pathOf(key));
        return { size: stats.size };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
  });
}
