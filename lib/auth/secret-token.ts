import { createHash, randomBytes } from 'node:crypto';

/** A new unguessable token (32 random bytes, URL-safe) for links and API tokens. */
export function newSecretToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** What is stored instead of a token: high-entropy tokens need a fast hash, not a password hash. */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
