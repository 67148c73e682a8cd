import type { AuthOptions } from 'next-auth';
import NextAuth from 'next-auth/next';
import { withDingtalkCode } from '@/lib/platforms/dingtalk/callback';

/**
 * A browser going through next-auth's real route handler (`/api/auth/*`): its cookies and the
 * headers of the request under test. Test files mock next/headers with `browserHeadersModule()`,
 * which serves this browser's cookies and headers to next-auth and to getCurrentUser.
 */
export const browser = {
  cookies: new Map<string, string>(),
  headers: new Headers(),
  reset() {
    this.cookies.clear();
    this.headers = new Headers();
  },
};

export function browserHeadersModule() {
  return {
    cookies: async () => ({
      get: (name: string) => (browser.cookies.has(name) ? { name, value: browser.cookies.get(name)! } : undefined),
      getAll: () => [...browser.cookies].map(([name, value]) => ({ name, value })),
      has: (name: string) => browser.cookies.has(name),
      set: (name: string, value: string) => browser.cookies.set(name, value),
    }),
    headers: async () => browser.headers,
  };
}

export const APP_URL = 'http://localhost:3000';

function storeCookies(setCookies: string[]) {
  for (const header of setCookies) {
    const [pair, ...attributes] = header.split(';');
    const [name, ...rest] = pair!.split('=');
    const value = decodeURIComponent(rest.join('='));
    const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.now()));
    if (expired || !value) browser.cookies.delete(name!.trim());
    else browser.cookies.set(name!.trim(), value);
  }
}

interface AuthResponse {
  status: number;
  location: string | null;
  body: unknown;
}

/**
 * One request to `/api/auth/<segments>` through next-auth's handler. It goes in through
 * next-auth's request/response adapter (the app-router one needs Next's request scope), which
 * feeds the same core as the app's route: providers, checks, callbacks, cookies.
 */
export async function callAuth(options: AuthOptions, method: 'GET' | 'POST', segments: string[], params: Record<string, string> = {}): Promise<AuthResponse> {
  const headers: Record<string, string> = { host: 'localhost:3000' };
  browser.headers.forEach((value, key) => (headers[key] = value));
  const responseHeaders = new Map<string, string | string[]>();
  const result: AuthResponse = { status: 200, location: null, body: undefined };
  const res = {
    status(code: number) { result.status = code; return res; },
    getHeader: (name: string) => responseHeaders.get(name.toLowerCase()),
    setHeader(name: string, value: string | string[]) { responseHeaders.set(name.toLowerCase(), value); return res; },
    end() { return res; },
    json(body: unknown) { result.body = body; return res; },
    send(body: unknown) { result.body = body; return res; },
  };
  const req = {
    method,
    query: { ...(method === 'GET' ? params : {}), nextauth: segments },
    body: method === 'POST' ? params : undefined,
    cookies: Object.fromEntries(browser.cookies),
    headers,
  };
  await NextAuth(req as never, res as never, options);
  const cookies = responseHeaders.get('set-cookie') ?? [];
  storeCookies(Array.isArray(cookies) ? cookies : [cookies]);
  const location = responseHeaders.get('location');
  result.location = typeof location === 'string' ? location : null;
  return result;
}

/** Presses the provider's sign-in button: next-auth answers with the platform's authorisation URL. */
export async function startSignIn(options: AuthOptions, providerId: string): Promise<URL> {
  const csrf = (await callAuth(options, 'GET', ['csrf'])).body as { csrfToken: string };
  const response = await callAuth(options, 'POST', ['signin', providerId], { csrfToken: csrf.csrfToken, callbackUrl: `${APP_URL}/`, json: 'true' });
  return new URL((response.body as { url: string }).url);
}

/** Follows one redirect of a platform's page (its "scan" or silent approval), without following it. */
export async function visit(url: URL | string, headers: Record<string, string> = {}): Promise<URL> {
  const response = await fetch(url, { redirect: 'manual', headers });
  const location = response.headers.get('location');
  if (response.status !== 302 || !location) throw new Error(`expected a redirect from ${String(url)}, got ${response.status}: ${await response.text()}`);
  return new URL(location, url);
}

/** The platform sent the browser back to our callback: next-auth finishes; returns where it sends the browser. */
export async function finishSignIn(options: AuthOptions, callback: URL): Promise<URL> {
  // What the app's auth route does before next-auth reads the callback.
  const url = withDingtalkCode(callback);
  const segments = url.pathname.replace(/^\/api\/auth\//, '').split('/');
  const { location, status } = await callAuth(options, 'GET', segments, Object.fromEntries(url.searchParams));
  if (!location) throw new Error(`expected a redirect from the callback, got ${status}`);
  let destination = new URL(location, APP_URL);
  // A failed exchange goes through next-auth's error and sign-in pages, which send the browser to ours.
  for (let hop = 0; hop < 3 && destination.pathname.startsWith('/api/auth/'); hop++) {
    const next = await callAuth(options, 'GET', destination.pathname.replace(/^\/api\/auth\//, '').split('/'), Object.fromEntries(destination.searchParams));
    if (!next.location) break;
    destination = new URL(next.location, APP_URL);
  }
  return destination;
}
