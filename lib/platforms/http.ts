/** The platforms whose open APIs Xiezuo calls (sign-in and contact sync). */
export type Platform = 'dingtalk' | 'feishu' | 'wecom';

/** Each call gives up after this long: a platform that hangs must not hold a sign-in or a sync. */
export const PLATFORM_TIMEOUT_MS = 10_000;

/**
 * A platform API refused or failed: its own error code and message (errcode/errmsg, code/msg),
 * or `network`/`http_<status>`/`bad_response`. Never carries a secret or a token: only the
 * endpoint's path is named, without its query.
 */
export class PlatformApiError extends Error {
  constructor(
    readonly platform: Platform,
    readonly endpoint: string,
    readonly code: string,
    readonly detail: string,
    /** The HTTP status, for APIs that signal errors with it (DingTalk v1.0, Feishu OAuth). */
    readonly status?: number,
  ) {
    super(`${platform} ${endpoint}: ${code} ${detail}`.trim());
    this.name = 'PlatformApiError';
  }
}

export interface PlatformRequest {
  platform: Platform;
  url: URL;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
}

/** The response's JSON and HTTP status; network failures, timeouts and non-JSON bodies throw. */
export async function requestJson(request: PlatformRequest): Promise<{ status: number; json: Record<string, unknown> }> {
  const { platform, url } = request;
  const endpoint = url.pathname;
  let response: Response;
  try {
    response = await fetch(url, {
      method: request.method ?? (request.body === undefined ? 'GET' : 'POST'),
      headers: {
        accept: 'application/json',
        ...(request.body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
        ...request.headers,
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      redirect: 'error',
      signal: AbortSignal.timeout(PLATFORM_TIMEOUT_MS),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw new PlatformApiError(platform, endpoint, timedOut ? 'timeout' : 'network', timedOut ? '' : errorText(error));
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PlatformApiError(platform, endpoint, response.ok ? 'bad_response' : `http_${response.status}`, 'not JSON');
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    throw new PlatformApiError(platform, endpoint, 'bad_response', 'not an object');
  }
  return { status: response.status, json: json as Record<string, unknown> };
}

/** DingTalk's oapi and WeCom answer `{ errcode, errmsg }`, errcode 0 meaning success. */
export function checkErrcode(platform: Platform, endpoint: string, json: Record<string, unknown>): void {
  const code = json.errcode;
  if (code === 0 || code === '0') return;
  throw new PlatformApiError(platform, endpoint, String(code ?? 'bad_response'), String(json.errmsg ?? ''));
}

function errorText(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}

/** `base` + `path` with `query`, for a base URL that may carry a path prefix (a test server, a gateway). */
export function apiUrl(base: string, path: string, query: Record<string, string | number | undefined> = {}): URL {
  const url = new URL(`${base.replace(/\/+$/, '')}${path}`);
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
  return url;
}
