import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { signIn, userFor } from './fixtures';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

// Plain HTTP: no browser layout at all.
test.skip(({ isMobile }) => isMobile, 'no phone layout involved: once is enough');

test.describe('HTTP API', () => {
  test('GET /api/health reports the database in use and the version, without signing in', { tag: '@smoke' }, async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/json');
    expect(await response.json()).toEqual({
      status: 'ok',
      database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
      version,
    });
  });

  test('GET /api/v1/me without a session or token answers 401 in JSON', async ({ request }) => {
    const response = await request.get('/api/v1/me');
    expect(response.status()).toBe(401);
    expect(response.headers()['content-type']).toContain('application/json');
    const body = await response.json();
    expect(body).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
    expect(body.error.message).not.toBe('');
  });

  test('GET /api/v1/me with the browser session returns the signed-in user, without secrets', async ({ page }, testInfo) => {
    const user = userFor(testInfo, 'reader');
    await signIn(page, user.email);

    // page.request shares the page's cookies, so it carries the session the sign-in form created.
    const response = await page.request.get('/api/v1/me');
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.user).toMatchObject({ email: user.email, name: user.name, isActive: true });
    expect(body.user).not.toHaveProperty('passwordHash');
    expect(body.user).not.toHaveProperty('sessionVersion');
  });

  test('an unknown API path answers 404 in JSON, not an HTML page', async ({ page }, testInfo) => {
    await signIn(page, userFor(testInfo, 'reader').email);

    const response = await page.request.get('/api/v1/whatever');
    expect(response.status()).toBe(404);
    expect(response.headers()['content-type']).toContain('application/json');
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });
});
