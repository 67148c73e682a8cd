import { expect, test } from '@playwright/test';
import { sseReader } from '../support/sse-reader';
import { secondProcessURL, signIn, userFor } from './fixtures';

test('a message posted to one app process reaches a stream held by another', { tag: '@smoke' }, async ({ page }, testInfo) => {
  test.skip(!process.env.DATABASE_URL, 'app processes share events through Postgres only; PGlite serves one process');
  test.skip(testInfo.project.name !== 'desktop', 'no browser layout involved: once is enough');
  const author = userFor(testInfo, 'chatAuthor');
  await signIn(page, author.email);
  const me = (await (await page.request.get('/api/v1/me')).json()).user;
  const created = await page.request.post('/api/v1/spaces', {
    data: { name: `双进程-${Date.now()}`, goal: '跨进程送达', startDate: '2026-11-01', endDate: '2027-03-31', departmentIds: [me.departmentId], adminIds: [me.id] },
  });
  const spaceId = (await created.json()).space.id;
  const channelId = (await (await page.request.get(`/api/v1/spaces/${spaceId}/channels`)).json()).data[0].id;

  // The same session, on the second process (cookies are per host, not per port).
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const controller = new AbortController();
  const response = await fetch(`${secondProcessURL}/api/v1/spaces/${spaceId}/events`, { headers: { cookie }, signal: controller.signal });
  expect(response.status).toBe(200);
  const events = sseReader(response.body!);
  expect((await events.next())[0]).toMatchObject({ event: 'ready' });

  const posted = await page.request.post(`/api/v1/channels/${channelId}/messages`, { data: { body: '从第一个进程发出', clientKey: `two-process-${Date.now()}` } });
  expect(posted.status()).toBe(201);
  const { message } = await posted.json();
  const [delivered] = await events.next(1, 10_000);
  expect(delivered).toMatchObject({ event: 'message.created', id: String(message.seq), data: { id: message.id, body: '从第一个进程发出' } });
  controller.abort();
});
