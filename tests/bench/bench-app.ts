// What the HTTP and browser benchmarks share: a throwaway database seeded with the demo company
// and benchmark spaces, the built app started on it, and a signed-in session.
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
import { seedGanttPlan, type GanttSeedOptions } from '../support/gantt-seed';
import { createThrowawayDatabase } from '../support/throwaway-postgres';

/** The demo admin every benchmark signs in as: admin of the benchmark spaces, so cards and bars are movable. */
export const BENCH_USER = { email: 'wang.fang@demo.example.com', password: 'xiezuo-demo' };

export interface BenchDatabase {
  label: 'PGlite' | 'Postgres';
  /** What the app's server needs in its environment to open this database. */
  env: Record<string, string>;
  open: () => ReturnType<typeof openDatabase>;
  drop: () => Promise<void>;
}

/** A throwaway database for the run: a PGlite directory, or a new Postgres database beside DATABASE_URL's. */
export async function prepareDatabase(usePostgres: boolean): Promise<BenchDatabase> {
  if (!usePostgres) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'xiezuo-bench-'));
    return { label: 'PGlite', env: { PGLITE_DIR: dir }, open: () => openDatabase({ dir }), drop: () => rm(dir, { recursive: true, force: true }) };
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('--postgres needs DATABASE_URL');
  const database = await createThrowawayDatabase(adminUrl, 'xiezuo_bench');
  return { label: 'Postgres', env: { DATABASE_URL: database.url }, open: () => openDatabase({ url: database.url }), drop: database.drop };
}

export interface BenchSpace {
  name: string;
  /** The plan seeded into it (tasks, dependencies, statuses). */
  plan: Omit<GanttSeedOptions, 'spaceId' | 'assigneeIds'>;
}

/**
 * Seeds the demo company, then each space in its product department with every member of the
 * department in it and its plan in bulk. Closes the database again: the app's server opens it
 * next, and a PGlite directory takes one process at a time. Returns the spaces' ids in order.
 */
export async function seedBenchSpaces(database: BenchDatabase, spaces: readonly BenchSpace[]): Promise<string[]> {
  const handle = await database.open();
  setDatabaseHandle(handle);
  const { organizationId } = await seedDemo();
  const [admin] = await handle.db.select().from(users).where(eq(users.email, BENCH_USER.email));
  const [product] = await handle.db.select().from(departments).where(eq(departments.name, '产品部'));
  const members = await handle.db.select({ id: users.id }).from(users).where(eq(users.departmentId, product!.id));
  const ids: string[] = [];
  for (const { name, plan } of spaces) {
    const space = await createSpace(userActor(admin!), organizationId, {
      name, goal: '性能基准', startDate: '2026-01-01', endDate: '2027-06-30', departmentIds: [product!.id], adminIds: [admin!.id],
    });
    await addSpaceMembers(userActor(admin!), space.id, { userIds: members.map((m) => m.id).filter((id) => id !== admin!.id) });
    await seedGanttPlan(handle.db, { ...plan, spaceId: space.id, assigneeIds: members.map((m) => m.id) });
    ids.push(space.id);
  }
  await closeDatabase();
  return ids;
}

export interface RunningApp {
  base: string;
  /** Stops the server and waits for it to exit, so the next one may open the same PGlite directory. */
  stop: () => Promise<void>;
  /** The server's process (for memory readings). */
  pid: number;
}

/** Starts the built app (`next start`, not through npx, so killing it frees the port) and waits for its health check. */
export async function startApp(port: number, env: Record<string, string>): Promise<RunningApp> {
  const base = `http://127.0.0.1:${port}`;
  const server = spawn('node_modules/.bin/next', ['start', '-p', String(port)], {
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: '1', SEED_DEMO: '0' },
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) server.kill();
    await exited;
  };
  for (let i = 0; i < 120; i++) {
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) return { base, stop, pid: server.pid! };
    if (server.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`the app did not start on port ${port}`);
}

/** Signs in through next-auth's credentials endpoint; returns the session cookie as `name=value`. */
export async function signIn(base: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies },
    body: new URLSearchParams({ csrfToken, email: BENCH_USER.email, password: BENCH_USER.password, json: 'true' }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith('next-auth.session-token='));
  if (!session) throw new Error('sign-in failed');
  return session.split(';')[0]!;
}
