import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { CreateBucketCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { env } from '@/lib/env';
import { isDomainError } from '@/lib/errors';
import {
  createS3Client, getFileStorage, HEAD_BYTES, isStorageKey, localDiskStorage, newStorageKey, s3Storage, type FileStorage,
} from '@/lib/files/storage';

// Lets one test make the disk "fill up" under the local store; every other write goes to the real one.
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof fs>();
  return { ...actual, createWriteStream: vi.fn(actual.createWriteStream) };
});

const MB = 1024 * 1024;

// The memory test compares live bytes; V8 lends its collector to code that asks this way.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** `total` random bytes in `chunk`-sized pieces, fresh buffers each time (as a socket delivers them). */
function randomBody(total: number, chunk = 256 * 1024) {
  const hash = createHash('sha256');
  let produced = 0;
  async function* chunks() {
    while (produced < total) {
      const piece = randomBytes(Math.min(chunk, total - produced));
      produced += piece.byteLength;
      hash.update(piece);
      yield new Uint8Array(piece);
    }
  }
  return { chunks: chunks(), produced: () => produced, sha256: () => hash.digest('hex') };
}

async function readAll(body: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(body).arrayBuffer());
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

function expectFileError(error: unknown, key: string) {
  expect(isDomainError(error)).toBe(true);
  expect(error).toMatchObject({ status: 422, fieldErrors: { file: [key] } });
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name))).sort();
}

interface Backend {
  name: string;
  start(): Promise<FileStorage>;
  /** Everything the store holds: stored objects, temporary files, unfinished multipart uploads. */
  contents(): Promise<string[]>;
  stop(): Promise<void>;
}

function localBackend(): Backend {
  let root = '';
  return {
    name: 'local disk',
    async start() {
      root = await mkdtemp(path.join(os.tmpdir(), 'xiezuo-storage-'));
      return localDiskStorage(root);
    },
    contents: () => listFiles(root),
    stop: () => rm(root, { recursive: true, force: true }),
  };
}

// s3rver 3 has no types; this is the part of it the test uses (a Koa app underneath).
interface KoaContext { method: string; query: Record<string, unknown>; status: number }
interface S3rverServer {
  middleware: ((ctx: KoaContext, next: () => Promise<void>) => Promise<void>)[];
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
  httpServer?: { closeAllConnections(): void };
}
type S3rverConstructor = new (options: Record<string, unknown>) => S3rverServer;

function s3Backend(): Backend {
  const bucket = 'xiezuo-test';
  let directory = '';
  let server: S3rverServer | undefined;
  let client: S3Client | undefined;
  const uploadsDirectory = () => path.join(directory, bucket, '._S3rver_uploads');
  return {
    name: 'S3 (s3rver)',
    async start() {
      directory = await mkdtemp(path.join(os.tmpdir(), 'xiezuo-s3rver-'));
      const S3rver = createRequire(import.meta.url)('s3rver') as S3rverConstructor;
      server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true });
      // s3rver 3 lacks AbortMultipartUpload (405); stand in for it as real stores do, so that
      // unfinished uploads can be checked in s3rver's own upload directory.
      server.middleware.unshift(async (ctx, next) => {
        if (ctx.method !== 'DELETE' || typeof ctx.query.uploadId !== 'string') return next();
        await rm(path.join(uploadsDirectory(), path.basename(ctx.query.uploadId)), { recursive: true, force: true });
        ctx.status = 204;
      });
      const { port } = await server.run();
      client = createS3Client({
        endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true,
      });
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
      return s3Storage({ client, bucket });
    },
    async contents() {
      const listed = await client!.send(new ListObjectsV2Command({ Bucket: bucket }));
      const pending = await readdir(uploadsDirectory()).catch(() => []);
      return [...(listed.Contents ?? []).map((o) => o.Key!), ...pending.map((id) => `pending upload ${id}`)].sort();
    },
    async stop() {
      client?.destroy();
      server?.httpServer?.closeAllConnections();
      await server?.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

describe.each([localBackend(), s3Backend()])('file storage on $name', (backend) => {
  let storage: FileStorage;
  beforeAll(async () => {
    storage = await backend.start();
  });
  afterAll(() => backend.stop());

  it('streams a body in and reports its size, SHA-256 and first bytes', async () => {
    // Over one 5 MB part, so S3 goes through a multipart upload.
    const body = randomBody(7 * MB + 123);
    const key = newStorageKey('files', 'bin');
    const written = await storage.write(key, body.chunks, { maxBytes: 100 * MB });
    const stored = await readAll((await storage.openRead(key))!.body);
    expect(written.size).toBe(7 * MB + 123);
    expect(stored.byteLength).toBe(7 * MB + 123);
    expect(written.sha256).toBe(body.sha256());
    expect(sha256(stored)).toBe(written.sha256);
    expect(written.head).toEqual(stored.subarray(0, HEAD_BYTES));
    expect(await storage.stat(key)).toEqual({ size: 7 * MB + 123 });
  });

  it('keeps small and empty files whole, head included', async () => {
    const small = new TextEncoder().encode('%PDF-1.7 tiny');
    const key = newStorageKey('files');
    const written = await storage.write(key, (async function* () { yield small; })(), { maxBytes: small.byteLength });
    expect(written).toEqual({ size: small.byteLength, sha256: sha256(small), head: small });
    expect(await storage.read(key)).toEqual(small);

    const empty = newStorageKey('files');
    await storage.put(empty, new Uint8Array());
    expect(await storage.stat(empty)).toEqual({ size: 0 });
    expect(await storage.read(empty)).toEqual(new Uint8Array());
  });

  it('reads byte ranges inclusive of their end, with the whole size', async () => {
    const bytes = new Uint8Array(randomBytes(1000));
    const key = newStorageKey('files');
    await storage.put(key, bytes);
    const rangeOf = async (start: number, end: number) => {
      const opened = (await storage.openRead(key, { start, end }))!;
      return { size: opened.size, bytes: await readAll(opened.body) };
    };
    // (Not 0-0: s3rver 3 reads an end of 0 as "to the end"; AWS and the rest do not.)
    expect(await rangeOf(0, 1)).toEqual({ size: 1000, bytes: bytes.subarray(0, 2) });
    expect(await rangeOf(999, 999)).toEqual({ size: 1000, bytes: bytes.subarray(999) });
    expect(await rangeOf(10, 19)).toEqual({ size: 1000, bytes: bytes.subarray(10, 20) });
    expect(await rangeOf(990, 5000)).toEqual({ size: 1000, bytes: bytes.subarray(990) });
    expect(await rangeOf(1000, 1010)).toEqual({ size: 1000, bytes: new Uint8Array() });
    await expect(storage.openRead(key, { start: 5, end: 4 })).rejects.toThrow(RangeError);
  });

  it('answers null for a missing key and removes without complaint', async () => {
    const key = newStorageKey('files');
    expect(await storage.stat(key)).toBeNull();
    expect(await storage.openRead(key)).toBeNull();
    expect(await storage.openRead(key, { start: 0, end: 9 })).toBeNull();
    expect(await storage.read(key)).toBeNull();
    await storage.put(key, new Uint8Array([1, 2, 3]));
    await storage.remove(key);
    expect(await storage.stat(key)).toBeNull();
    expect(await storage.openRead(key)).toBeNull();
    await expect(storage.remove(key)).resolves.toBeUndefined();
  });

  it('stops an upload at the cap while it streams, keeps nothing of it and tells the sender', async () => {
    const key = newStorageKey('files');
    await storage.put(key, new Uint8Array([7, 7, 7]));
    const before = await backend.contents();
    // A sender that would go on for 64 MB; the cap is 6 MB, past the first S3 part.
    let pulled = 0;
    const cancel = vi.fn();
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 64 * MB) return controller.close();
        pulled += 256 * 1024;
        controller.enqueue(new Uint8Array(randomBytes(256 * 1024)));
      },
      cancel,
    });
    expectFileError(await rejection(storage.write(key, body, { maxBytes: 6 * MB })), 'fileTooLarge');
    expect(pulled).toBeLessThan(8 * MB);
    expect(cancel).toHaveBeenCalled();
    // The object already under the key is untouched; no temporary file or unfinished upload remains.
    expect(await storage.read(key)).toEqual(new Uint8Array([7, 7, 7]));
    expect(await backend.contents()).toEqual(before);
  });

  it('keeps nothing of a body that breaks off midway and rethrows its error', async () => {
    const key = newStorageKey('files');
    const before = await backend.contents();
    const disconnect = new Error('client went away');
    async function* breaking() {
      yield* randomBody(7 * MB).chunks;
      throw disconnect;
    }
    expect(await rejection(storage.write(key, breaking(), { maxBytes: 100 * MB }))).toBe(disconnect);
    expect(await storage.stat(key)).toBeNull();
    expect(await backend.contents()).toEqual(before);
  });

  it('refuses keys it did not make', async () => {
    const body = async function* () { yield new Uint8Array([1]); };
    for (const key of ['../x', 'a/../../etc', 'files/../../../etc/passwd', '/etc/passwd', 'files/short', 'files/aaaaaaaaaaaaaaaaaaaaaaaa/..']) {
      expect(isStorageKey(key)).toBe(false);
      await expect(storage.write(key, body(), { maxBytes: 10 })).rejects.toThrow(/Not a storage key/);
      await expect(storage.openRead(key)).rejects.toThrow(/Not a storage key/);
      await expect(storage.stat(key)).rejects.toThrow(/Not a storage key/);
      await expect(storage.remove(key)).rejects.toThrow(/Not a storage key/);
    }
    expect(() => newStorageKey('files', 'tar.gz')).toThrow(/Not a storage key/);
  });

  it('writes and reads a big file in flat memory', async () => {
    const total = 100 * MB;
    const body = randomBody(total, MB);
    const key = newStorageKey('files');
    // Live memory, not garbage the collector has not come round to yet: what a buffering store keeps.
    collectGarbage();
    const baseline = process.memoryUsage();
    let peakHeap = 0;
    let peakBuffers = 0;
    let sampledAt = 0;
    const sample = (seen: number) => {
      if (seen - sampledAt < 8 * MB) return;
      sampledAt = seen;
      // Twice: V8 frees a dead buffer's memory off the main thread, the second pass waits for it.
      collectGarbage();
      collectGarbage();
      const now = process.memoryUsage();
      peakHeap = Math.max(peakHeap, now.heapUsed - baseline.heapUsed);
      peakBuffers = Math.max(peakBuffers, now.arrayBuffers - baseline.arrayBuffers);
    };
    async function* sampled() {
      for await (const chunk of body.chunks) {
        sample(body.produced());
        yield chunk;
      }
    }
    const written = await storage.write(key, sampled(), { maxBytes: total });
    expect(written).toMatchObject({ size: total, sha256: body.sha256() });

    const hash = createHash('sha256');
    const reader = (await storage.openRead(key))!.body.getReader();
    sampledAt = 0;
    let readBytes = 0;
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      hash.update(read.value);
      readBytes += read.value.byteLength;
      sample(readBytes);
    }
    expect(hash.digest('hex')).toBe(written.sha256);
    // A buffering store would hold all 100 MB at some point; streaming holds a few chunks (S3: ~3 parts of 5 MB).
    expect(peakHeap).toBeLessThan(30 * MB);
    expect(peakBuffers).toBeLessThan(30 * MB);
  });
});

describe('local disk storage', () => {
  let root = '';
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'xiezuo-storage-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('turns a full disk into storageFull and removes its temporary file', async () => {
    const storage = localDiskStorage(root);
    const actual = await vi.importActual<typeof fs>('node:fs');
    const createWriteStream = vi.mocked(fs.createWriteStream);
    createWriteStream.mockImplementationOnce((file, options) => {
      const stream = actual.createWriteStream(file, options);
      let writes = 0;
      const write = stream._write.bind(stream);
      // The first writes (a megabyte each) land, then the disk is full, as ENOSPC arrives in practice.
      stream._write = (chunk, encoding, callback) => {
        if (++writes < 3) return write(chunk, encoding, callback);
        callback(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
      };
      return stream;
    });
    const key = newStorageKey('files');
    expectFileError(await rejection(storage.write(key, randomBody(6 * MB).chunks, { maxBytes: 100 * MB })), 'storageFull');
    expect(createWriteStream).toHaveBeenCalled();
    expect(await listFiles(root)).toEqual([]);
  });

  it('is what getFileStorage gives without a bucket, one instance per process', async () => {
    const storage = getFileStorage();
    expect(getFileStorage()).toBe(storage);
    const key = newStorageKey('files');
    await storage.put(key, new Uint8Array([1, 2]));
    expect(fs.existsSync(path.join(env.FILES_DIR, key))).toBe(true);
    await storage.remove(key);
  });
});
