import type { User } from '@/db/schema';
import { systemActor } from '@/lib/auth/actor';
import { createPersonalAccessToken } from '@/lib/auth/tokens';

// Calls route handlers the way Next does, authenticated with a personal access token.
// Test files that use it mock `next/headers` (no request scope outside Next).

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

interface Call {
  token?: string;
  params?: Record<string, string>;
  body?: unknown;
  /** Sent as is, with `contentType`. */
  raw?: string;
  contentType?: string;
  query?: string;
  /** Defaults to POST with a body and GET without; handlers are called directly, so this is informative. */
  method?: string;
}

export async function call(handler: unknown, { token, params = {}, body, raw, contentType = 'application/json', query = '', method }: Call = {}) {
  const headers: Record<string, string> = { 'accept-language': 'en' };
  if (token) headers.authorization = `Bearer ${token}`;
  const hasBody = body !== undefined || raw !== undefined;
  if (hasBody) headers['content-type'] = contentType;
  const request = new Request(`http://localhost/api/v1/x${query}`, {
    method: method ?? (hasBody ? 'POST' : 'GET'), headers, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const response = await (handler as Handler)(request, { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

const tokens = new Map<string, string>();

/** A personal access token for the user, made once per test file. */
export async function tokenOf(user: User) {
  if (!tokens.has(user.id)) tokens.set(user.id, (await createPersonalAccessToken(systemActor, user.id, { name: 'api test' })).token);
  return tokens.get(user.id)!;
}
