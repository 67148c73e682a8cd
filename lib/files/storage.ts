import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { env } from '@/lib/env';

/**
 * Where uploaded bytes live. Callers never see paths: they store under a random key made by
 * `newStorageKey` and keep the key in the database. Local disk now; an S3-compatible store can
 * implement the same three calls.
 */
export interface FileStorage {
  put(key: string, data: Uint8Array): Promise<void>;
  /** The stored bytes, or null when nothing is stored under the key. */
  read(key: string): Promise<Uint8Array | null>;
  /** Removes the bytes; removing a missing key is not an error. */
  remove(key: string): Promise<void>;
}

// Keys are made here, but a key also arrives in URLs: anything else must never reach the disk.
const KEY_PATTERN = /^[a-z]+\/[A-Za-z0-9_-]{16,64}(\.[a-z0-9]{1,8})?$/;

export function isStorageKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/** A new unguessable key in `folder` (`avatars/3fZ…q.webp`). */
export function newStorageKey(folder: string, extension?: string): string {
  return `${folder}/${randomBytes(18).toString('base64url')}${extension ? `.${extension}` : ''}`;
}

function assertKey(key: string) {
  if (!isStorageKey(key)) throw new Error(`Not a storage key: ${key}`);
}

/** Files under one directory, one file per key; writes are atomic (temporary file, then rename). */
export function localDiskStorage(root: string): FileStorage {
  const pathOf = (key: string) => {
    assertKey(key);
    return path.join(root, key);
  };
  return {
    async put(key, data) {
      const target = pathOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(temporary, data);
      await rename(temporary, target);
    },
    async read(key) {
      try {
        return await readFile(pathOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}

/** The configured store (`FILES_DIR`, default `./.data/files`). */
export function getFileStorage(): FileStorage {
  return localDiskStorage(path.resolve(env.FILES_DIR));
}
