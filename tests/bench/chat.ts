// The chat benchmark (issue 6): fan-out of one post to many SSE clients against a bare node:http
// broadcaster measured with the same client harness, sustained posting while those clients
// listen, and message search over a large generated corpus. On Postgres by default (DATABASE_URL).
//   npm run bench -- chat [--clients 1000] [--search-rows 1000000] [--rate 500] [--seconds 10] [--processes 1] [--pglite] [--search-only]
import { eq, sql } from 'drizzle-orm';
import { closeDatabase, setDatabaseHandle } from '@/db/client';
import { messages, spaces, users } from '@/db/schema';
import { systemActor, userActor } from '@/lib/auth/actor';
import { createPersonalAccessToken } from '@/lib/auth/tokens';
import { searchMessages } from '@/lib/chat/search';
import { containsPattern } from '@/lib/like-pattern';
import { BENCH_USER, prepareDatabase, seedBenchSpaces, startApp } from './bench-app';
import { startBaselineBroadcaster } from './chat/baseline-broadcaster';
import { SEARCH_QUERIES, seedMessages } from './chat/search-corpus';
import { allChannelOf, seedPosters } from './chat/seed-chat';
import { openSseClients } from './chat/sse-clients';
import { percentile } from './percentile';

const option = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const CLIENTS = option('clients', 1000);
const SEARCH_ROWS = option('search-rows', 1_000_000);
const RATE = option('rate', 500);
const SECONDS = option('seconds', 10);
const FANOUT_POSTS = 20;
/** App processes on the same database (Postgres only): posts and streams are spread over them. */
const PROCESSES = process.argv.includes('--pglite') ? 1 : option('processes', 1);
const POSTERS = Math.ceil(RATE / 8) + 2;
const APP_PORT = 3450;
const BASELINE_PORT = 3460;
const usePostgres = !process.argv.includes('--pglite');

const ms = (n: number) => `${n.toFixed(1).padStart(7)} ms`;
const sleep = (t: number) => new Promise((resolve) => setTimeout(resolve, t));

/** Posts FANOUT_POSTS markers one after the other; every client's delay from the post request to receipt. */
async function measureFanout(clientsUrl: string, headers: Record<string, string>, post: (marker: string, i: number) => Promise<Response>) {
  const clients = await openSseClients(clientsUrl, CLIENTS, headers);
  const delays: number[] = [];
  try {
    for (let i = 0; i < FANOUT_POSTS + 2; i++) {
      const marker = `fanout-${i}-${Math.random().toString(36).slice(2)}`;
      const arrived = clients.waitFor(marker);
      const started = performance.now();
      const response = await post(marker, i);
      if (!response.ok) throw new Error(`post failed: HTTP ${response.status}`);
      const times = await arrived;
      // The first two warm the path up.
      if (i >= 2) delays.push(...times.map((t) => t - started));
      await sleep(100);
    }
  } finally {
    clients.close();
  }
  return { p50: percentile(delays, 50), p99: percentile(delays, 99), max: Math.max(...delays) };
}

/** Open-loop posting at RATE a second for SECONDS while CLIENTS streams listen; each post's latency. */
async function measureSustained(bases: string[], channelId: string, tokens: string[], listenPath: string, headers: Record<string, string>) {
  const groups = await Promise.all(bases.map((b) => openSseClients(`${b}${listenPath}`, Math.ceil(CLIENTS / bases.length), headers)));
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const pending: Promise<void>[] = [];
  const total = RATE * SECONDS;
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const sent = performance.now();
    pending.push(fetch(`${bases[i % bases.length]}/api/v1/channels/${channelId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[i % tokens.length]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body: `持续发送第 ${i} 条：预算与发布会进度同步`, clientKey: `sustained-${i}-${started.toFixed(0)}` }),
    }).then(async (response) => {
      await response.arrayBuffer();
      latencies.push(performance.now() - sent);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }, () => void statuses.set(0, (statuses.get(0) ?? 0) + 1)));
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  // Every listener gets the last one too: the stream kept up.
  const marker = `after-sustained-${Math.random().toString(36).slice(2)}`;
  const last = Promise.all(groups.map((clients) => clients.waitFor(marker, 60_000)));
  await fetch(`${bases[0]}/api/v1/channels/${channelId}/messages`, {
    method: 'POST', headers: { authorization: `Bearer ${tokens[0]}`, 'content-type': 'application/json' }, body: JSON.stringify({ body: marker }),
  });
  const drained = performance.now();
  await last;
  const drainMs = performance.now() - drained;
  for (const clients of groups) clients.close();
  const accepted = statuses.get(201) ?? 0;
  return { accepted, perSecond: accepted / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), statuses, drainMs };
}

async function measureSearch(actorUser: { id: string; organizationId: string; isOrgAdmin: boolean }, spaceId: string, db: Parameters<typeof seedMessages>[0]) {
  const actor = userActor(actorUser);
  const perQuery: { q: string; p50: number; p95: number; total: string; exact: boolean }[] = [];
  const all: number[] = [];
  for (const q of SEARCH_QUERIES) {
    await searchMessages(actor, spaceId, { q });
    const samples: number[] = [];
    let result = await searchMessages(actor, spaceId, { q });
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      result = await searchMessages(actor, spaceId, { q });
      samples.push(performance.now() - started);
    }
    all.push(...samples);
    // Ground truth: a sequential substring scan, capped like the search's count.
    const terms = q.toLowerCase().split(/\s+/).filter(Boolean);
    const [truth] = await db.select({ n: sql<number>`count(*)::int`.mapWith(Number) }).from(
      db.select({ one: sql`1` }).from(messages)
        .where(sql`${messages.spaceId} = ${spaceId} and ${sql.join(terms.map((t) => sql`${messages.searchText} like ${containsPattern(t)}`), sql` and `)}`)
        .limit(1001).as('truth'),
    );
    const shown = result.capped ? 1001 : result.total;
    perQuery.push({ q, p50: percentile(samples, 50), p95: percentile(samples, 95), total: result.capped ? '1000+' : String(result.total), exact: shown === truth!.n });
  }
  return { perQuery, p50: percentile(all, 50), p95: percentile(all, 95) };
}

const database = await prepareDatabase(usePostgres);
try {
  console.log(`Chat benchmark on ${database.label}: ${CLIENTS} clients, ${RATE} posts/s for ${SECONDS} s, search over ${SEARCH_ROWS.toLocaleString()} messages`);
  const [spaceId, searchSpaceId] = await seedBenchSpaces(database, [
    { name: '群聊基准', plan: { tasks: 0, dependencies: 0 } },
    { name: '搜索基准', plan: { tasks: 0, dependencies: 0 } },
  ]);
  const handle = await database.open();
  setDatabaseHandle(handle);
  const [admin] = await handle.db.select().from(users).where(eq(users.email, BENCH_USER.email));
  const [space] = await handle.db.select().from(spaces).where(eq(spaces.id, spaceId!));
  const channelId = await allChannelOf(handle.db, spaceId!);
  const posters = await seedPosters(handle.db, spaceId!, space!.organizationId, POSTERS);
  const adminToken = (await createPersonalAccessToken(systemActor, admin!.id, { name: 'bench' })).token;

  if (SEARCH_ROWS > 0) {
    const seeding = performance.now();
    await seedMessages(handle.db, { spaceId: searchSpaceId!, channelId: await allChannelOf(handle.db, searchSpaceId!), authorId: admin!.id, count: SEARCH_ROWS, firstSeq: 1 });
    console.log(`  seeded ${SEARCH_ROWS.toLocaleString()} messages in ${((performance.now() - seeding) / 1000).toFixed(0)} s`);
    const search = await measureSearch(admin!, searchSpaceId!, handle.db);
    console.log(`\nSearch over ${SEARCH_ROWS.toLocaleString()} messages (the search service: count capped at 1000 + first page of 20)`);
    for (const row of search.perQuery) console.log(`  ${row.q.padEnd(12)} p50 ${ms(row.p50)}  p95 ${ms(row.p95)}  hits ${row.total.padStart(5)}  ${row.exact ? 'exact' : 'NOT EXACT'}`);
    console.log(`  all queries p50 ${ms(search.p50)}  p95 ${ms(search.p95)} (target p95 < 100 ms; ${(search.p95 / 100).toFixed(2)}×)`);
  }
  await closeDatabase();
  if (process.argv.includes('--search-only')) process.exit(0);

  const apps = await Promise.all(Array.from({ length: PROCESSES }, (_, i) => startApp(APP_PORT + i, database.env)));
  const app = apps[0]!;
  const baseline = await startBaselineBroadcaster(BASELINE_PORT);
  try {
    const auth = { authorization: `Bearer ${adminToken}` };
    const eventsUrl = `${app.base}/api/v1/spaces/${spaceId}/events`;
    const ours = await measureFanout(eventsUrl, auth, (marker, i) => fetch(`${app.base}/api/v1/channels/${channelId}/messages`, {
      method: 'POST', headers: { authorization: `Bearer ${posters[i % posters.length]}`, 'content-type': 'application/json' }, body: JSON.stringify({ body: marker }),
    }));
    const bare = await measureFanout(baseline.url, {}, (marker) => fetch(baseline.postUrl, { method: 'POST', body: marker }));
    const sustained = await measureSustained(apps.map((a) => a.base), channelId, posters, `/api/v1/spaces/${spaceId}/events`, auth);

    console.log(`\nFan-out of one post to ${CLIENTS} SSE clients (${FANOUT_POSTS} posts; delay from the post request to each client's receipt)`);
    console.log(`  bare node:http broadcaster  p50 ${ms(bare.p50)}  p99 ${ms(bare.p99)}  max ${ms(bare.max)}`);
    console.log(`  Xiezuo                      p50 ${ms(ours.p50)}  p99 ${ms(ours.p99)}  max ${ms(ours.max)}`);
    console.log(`  p99 ratio ${(ours.p99 / bare.p99).toFixed(2)}× the baseline (target ≤ 2×); ${(ours.p99 / 150).toFixed(2)}× of 150 ms`);
    console.log(`\nSustained posting at ${RATE}/s for ${SECONDS} s while ${CLIENTS} clients listen (${PROCESSES} app process${PROCESSES > 1 ? 'es' : ''})`);
    console.log(`  accepted ${sustained.accepted} (${sustained.perSecond.toFixed(0)}/s; target ≥ 500/s), statuses ${JSON.stringify(Object.fromEntries(sustained.statuses))}`);
    console.log(`  post latency p50 ${ms(sustained.p50)}  p99 ${ms(sustained.p99)} (target p99 < 100 ms; ${(sustained.p99 / 100).toFixed(2)}×)`);
    console.log(`  every client had everything ${sustained.drainMs.toFixed(0)} ms after the last post`);
  } finally {
    await baseline.close();
    await Promise.all(apps.map((a) => a.stop()));
  }
} finally {
  await database.drop();
}
