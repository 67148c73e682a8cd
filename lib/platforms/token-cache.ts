/**
 * App access tokens (DingTalk, Feishu tenant, WeCom) last about two hours and the platforms
 * rate-limit fetching them, so each process keeps them until shortly before they expire.
 */
import { createHash } from 'node:crypto';
import { PlatformApiError } from './http';

const tokens = new Map<string, { value: string; expiresAt: number }>();

/** Renew this long before the platform's expiry, so a token never dies mid-request. */
const MARGIN_MS = 5 * 60 * 1000;

export async function cachedAppToken(
  key: string,
  fetchToken: () => Promise<{ value: string; expiresInSeconds: number }>,
): Promise<string> {
  const cached = tokens.get(key);
  if (cached && cached.expiresAt > Date.now()) return cached.value;
  const fresh = await fetchToken();
  tokens.set(key, { value: fresh.value, expiresAt: Date.now() + Math.max(0, fresh.expiresInSeconds * 1000 - MARGIN_MS) });
  return fresh.value;
}

/** Drops a token the platform refused (revoked, secret changed) so the next call fetches a new one. */
export function forgetAppToken(key: string): void {
  tokens.delete(key);
}

/** The cache key of one app: its API host, its id and (hashed) secret, so a changed secret fetches anew. */
export function appTokenKey(...parts: string[]): string {
  const secret = parts.pop() ?? '';
  return [...parts, createHash('sha256').update(secret).digest('hex').slice(0, 16)].join('|');
}

/** One app's token: its cache key, how to fetch a new one, and the error codes saying it went stale. */
export interface AppToken {
  key: string;
  fetch: () => Promise<{ value: string; expiresInSeconds: number }>;
  staleCodes: ReadonlySet<string>;
}

/**
 * Calls a platform API with the app's cached token. When the platform answers that the token is
 * invalid or expired (revoked early, secret rotated), it is dropped and the call tried once more.
 */
export async function callWithAppToken<T>(token: AppToken, call: (value: string) => Promise<T>): Promise<T> {
  try {
    return await call(await cachedAppToken(token.key, token.fetch));
  } catch (error) {
    if (!(error instanceof PlatformApiError) || !token.staleCodes.has(error.code)) throw error;
    forgetAppToken(token.key);
    return call(await cachedAppToken(token.key, token.fetch));
  }
}
