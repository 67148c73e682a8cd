import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { bench, describe } from 'vitest';
import { openDatabase, setDatabaseHandle, type DatabaseHandle } from '@/db/client';
import { userActor } from '@/lib/auth/actor';
import { getGanttData } from '@/lib/tasks/gantt';
import { lenientTaskFilters } from '@/lib/tasks/schema';
import { seedSpace } from '../integration/support/factories';
import { seedGanttPlan } from '../support/gantt-seed';

// getGanttData on the performance bar of the Gantt page: 5,000 tasks, 500 with dependencies.
// PGlite always; Postgres too when DATABASE_URL is set (in a throwaway database, dropped after).
const TASKS = 5000;
const DEPENDENCIES = 500;
const TODAY = '2026-06-15';
const filters = lenientTaskFilters({});

function percentile(samples: number[], p: number) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** A database with one space of the benchmark's size; the process-wide handle points at it. */
async function seededDatabase(handle: DatabaseHandle) {
  setDatabaseHandle(handle);
  const seeded = await seedSpace();
  await seedGanttPlan(handle.db, {
    spaceId: seeded.space.id, assigneeIds: [seeded.admin.id, seeded.owner.id, seeded.participant.id], tasks: TASKS, dependencies: DEPENDENCIES,
  });
  return { handle, actor: userActor(seeded.participant), spaceId: seeded.space.id };
}

async function throwawayPostgres(adminUrl: string) {
  const name = `xiezuo_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  const drop = async () => {
    await handle.close();
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  };
  return { handle, drop };
}

// Seeded while the file loads: bench mode runs no beforeAll before the measured functions.
const pglite = await seededDatabase(await openDatabase({ dir: 'memory://' }));
const postgres = process.env.DATABASE_URL ? await throwawayPostgres(process.env.DATABASE_URL) : null;
const postgresSpace = postgres ? await seededDatabase(postgres.handle) : null;

for (const [label, target, cleanUp] of [
  ['PGlite', pglite, () => pglite.handle.close()],
  ['Postgres', postgresSpace, () => postgres!.drop()],
] as const) {
  if (!target) continue;
  const samples: number[] = [];
  describe(label, () => {
    bench(`getGanttData, ${TASKS} tasks / ${DEPENDENCIES} dependencies`, async () => {
      setDatabaseHandle(target.handle);
      const began = performance.now();
      await getGanttData(target.actor, target.spaceId, filters, TODAY);
      samples.push(performance.now() - began);
    }, {
      time: 5000,
      iterations: 30,
      teardown: async (_task, mode) => {
        if (mode !== 'run') return;
        console.log(`${label}: getGanttData p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms (${samples.length} runs)`);
        await cleanUp();
      },
    });
  });
}
