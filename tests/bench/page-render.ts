// Server-render time of the task pages on the benchmark's plan: 5,000 tasks, 500 with dependencies.
// Seeds a fresh database (embedded PGlite, or Postgres with --postgres and DATABASE_URL), starts the
// built app (`npm run build` first) on its own port, signs in as a member and times each page.
//   npm run bench:pages            PGlite
//   npm run bench:pages -- --postgres
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { closeDatabase, openDatabase, setDatabaseHandle } from '@/db/client';
import { departments, users } from '@/db/schema';
import { userActor } from '@/lib/auth/actor';
import { seedDemo } from '@/lib/org/demo-seed';
import { addSpaceMembers } from '@/lib/spaces/members';
import { createSpace } from '@/lib/spaces/service';
import { seedGanttPlan } from '../support/gantt-seed';
import { createThrowawayDatabase } from '../support/throwaway-postgres';
import { percentile } from './percentile';

const TASKS = 5000;
const DEPENDENCIES = 500;
const RUNS = 30;
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASE = `http://127.0.0.1:${PORT}`;
const usePostgres = process.argv.includes('--postgres');

/** A throwaway database for the run: a PGlite directory, or a new Postgres database. */
async function prepareDatabase() {
  if (!usePostgres) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'xiezuo-bench-'));
    return { env: { PGLITE_DIR: dir }, open: () => openDatabase({ dir }), drop: () => rm(dir, { recursive: true, force: true }) };
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('--postgres needs DATABASE_URL');
  const database = await createThrowawayDatabase(adminUrl, 'xiezuo_bench');
  return { env: { DATABASE_URL: database.url }, open: () => openDatabase({ url: database.url }), drop: database.drop };
}

/** The demo company, and a space of its product department holding the benchmark's plan. */
async function seed(open: () => ReturnType<typeof openDatabase>) {
  const handle = await open();
  setDatabaseHandle(handle);
  const { organizationId } = await seedDemo();
  const [admin] = await handle.db.select().from(users).where(eq(users.email, 'wang.fang@demo.example.com'));
  const [product] = await handle.db.select().from(departments).where(eq(departments.name, '产品部'));
  const space = await createSpace(userActor(admin!), organizationId, {
    name: '五千项任务', goal: '性能基准', startDate: '2026-01-01', endDate: '2027-06-30', departmentIds: [product!.id], adminIds: [admin!.id],
  });
  const members = await handle.db.select({ id: users.id }).from(users).where(eq(users.departmentId, product!.id));
  await addSpaceMembers(userActor(admin!), space.id, { userIds: members.map((m) => m.id).filter((id) => id !== admin!.id) });
  await seedGanttPlan(handle.db, { spaceId: space.id, assigneeIds: members.map((m) => m.id), tasks: TASKS, dependencies: DEPENDENCIES });
  await closeDatabase();
  return space.id;
}

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    if (await fetch(`${BASE}/api/health`).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the app did not start');
}

/** Signs in through next-auth's credentials endpoint; returns the session cookie. */
async function signIn(): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
    body: new URLSearchParams({ csrfToken, email: 'wang.fang@demo.example.com', password: 'xiezuo-demo', json: 'true' }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith('next-auth.session-token='));
  if (!session) throw new Error('sign-in failed');
  return session.split(';')[0]!;
}

async function timePage(cookie: string, pagePath: string) {
  const once = async () => {
    const started = performance.now();
    const response = await fetch(`${BASE}${pagePath}`, { headers: { cookie, 'accept-language': 'zh-CN' } });
    await response.text();
    if (!response.ok) throw new Error(`${pagePath}: HTTP ${response.status}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 3; i++) await once();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await once());
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

const database = await prepareDatabase();
const spaceId = await seed(database.open);
const server = spawn('node_modules/.bin/next', ['start', '-p', String(PORT)], {
  env: { ...process.env, ...database.env, NEXT_TELEMETRY_DISABLED: '1', SEED_DEMO: '0' },
  stdio: 'ignore',
});
try {
  await waitForServer();
  const cookie = await signIn();
  console.log(`Server render on ${usePostgres ? 'Postgres' : 'PGlite'}, ${TASKS} tasks, ${DEPENDENCIES} dependencies (${RUNS} runs after 3 warm-ups)`);
  for (const [label, suffix] of [['task list', 'tasks'], ['Gantt', 'gantt'], ['board', 'board']] as const) {
    const { p50, p95 } = await timePage(cookie, `/spaces/${spaceId}/${suffix}`);
    console.log(`  ${label.padEnd(10)} p50 ${p50.toFixed(0).padStart(5)} ms   p95 ${p95.toFixed(0).padStart(5)} ms`);
  }
} finally {
  server.kill();
  await database.drop();
}
