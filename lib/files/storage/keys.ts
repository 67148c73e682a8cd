import { randomBytes } from 'node:crypto';

// Keys are made here, but a key also arrives in URLs: anything else must never reach the disk or
// the bucket. One folder, one random name, an optional short extension: no dots to climb with.
const KEY_PATTERN = /^[a-z]+\/[A-Za-z0-9_-]{16,64}(\.[a-z0-9]{1,8})?$/;

export function isStorageKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/** Throws for anything not made by `newStorageKey`; a bad key here is a bug, not a user's mistake. */
export function assertStorageKey(key: string): void {
  if (!isStorageKey(key)) throw new Error(`Not a storage key: ${JSON.stringify(key)}`);
}

/** A new unguessable key in `folder` (`avatars/3fZ…q.webp`). */
export function newStorageKey(folder: string, extension?: string): string {
  const key = `${folder}/${randomBytes(18).toString('base64url')}${extension ? `.${extension}` : ''}`;
  // A folder or extension the pattern refuses would make a key nothing can read back.
  assertStorageKey(key);
  return key;
}
