import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { sseReader, type SseEvent } from '../support/sse-reader';
import { signIn, userFor } from './fixtures';

// An app process killed with SIGKILL in the middle of a burst of posts: every post it answered
// with success is stored, retries with the same client keys store the rest once, and a stream
// that reconnects with Last-Event-ID receives each message once.

const PORT = process.env.E2E_CRASH_PORT ?? '3103';
const BASE = `http://127.0.0.1:${PORT}`;

async function startProcess(): Promise<ChildProcess> {
  const child = spawn('node_modules/.bin/next', ['start', '-p', PORT], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', SEED_DEMO: '0' }, stdio: 'ignore' });
  for (let i = 0; i < 120; i++) {
    if (await fetch(`${BASE}/api/health`).then((r) => r.ok, () => false)) return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGKILL');
  throw new Error('the app process did not start');
}

test('a process killed during a burst of posts loses nothing it acknowledged and repeats nothing', async ({ page }, testInfo) => {
  test.skip(!process.env.DATABASE_URL, 'a second process on the same data needs Postgres');
  test.skip(testInfo.project.name !== 'desktop', 'no browser layout involved: once is enough');
  test.setTimeout(120_000);
  await signIn(page, userFor(testInfo, 'chatAuthor').email);
  const me = (await (await page.request.get('/api/v1/me')).json()).user;
  const created = await page.request.post('/api/v1/spaces', {
    data: { name: `断电-${Date.now()}`, goal: '不丢消息', startDate: '2026-11-01', endDate: '2027-03-31', departmentIds: [me.departmentId], adminIds: [me.id] },
  });
  const spaceId = (await created.json()).space.id;
  const channelId = (await (await page.request.get(`/api/v1/spaces/${spaceId}/channels`)).json()).data[0].id;
  const headers = { cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ') };

  let child = await startProcess();
  const seen: SseEvent[] = [];
  const firstStream = new AbortController();
  const before = sseReader((await fetch(`${BASE}/api/v1/spaces/${spaceId}/events`, { headers, signal: firstStream.signal })).body!);
  await before.next();

  // Twenty posts in flight (the per-person rate allows a burst of twenty); the process dies as the first answers come back.
  const keys = Array.from({ length: 20 }, (_, i) => `crash-${Date.now()}-${i}`);
  const post = (key: string) => fetch(`${BASE}/api/v1/channels/${channelId}/messages`, {
    method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ body: `断电测试 ${key}`, clientKey: key }),
  }).then((r) => (r.ok ? r.json().then((b) => b.message.id as string) : null), () => null);
  const answers: Promise<string | null>[] = keys.map(post);
  await Promise.race(answers);
  child.kill('SIGKILL');
  const acknowledged = (await Promise.all(answers)).filter((id): id is string => id !== null);
  testInfo.annotations.push({ type: 'burst', description: `${acknowledged.length} of ${keys.length} posts answered before the kill` });
  console.log(`${acknowledged.length} of ${keys.length} posts answered before the kill; ${seen.length} events seen`);
  seen.push(...(await before.drain(500)).filter((e) => e.event === 'message.created'));
  const lastId = before.lastId;
  firstStream.abort();

  child = await startProcess();
  try {
    // Every acknowledged post is stored; retrying every key stores the rest once.
    const retried = (await Promise.all(keys.map(post))).filter((id): id is string => id !== null);
    expect(retried).toHaveLength(keys.length);
    for (const id of acknowledged) expect(retried).toContain(id);
    expect(new Set(retried).size).toBe(keys.length);

    // A stream resuming from the last id it had gets the rest, none it already had.
    const after = sseReader((await fetch(`${BASE}/api/v1/spaces/${spaceId}/events`, { headers: { ...headers, 'last-event-id': lastId ?? '0' } })).body!);
    const missing = keys.length - seen.length;
    if (missing > 0) seen.push(...(await after.next(missing, 10_000)));
    expect(await after.drain(500)).toEqual([]);
    const ids = seen.map((e) => (e.data as { id: string }).id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual([...retried].sort());
    await after.close();
  } finally {
    child.kill('SIGKILL');
  }
});
