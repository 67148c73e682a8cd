import { bench, describe } from 'vitest';
import { openDatabase, setDatabaseHandle, type DatabaseHandle } from '@/db/client';
import { userActor } from '@/lib/auth/actor';
import { getBoard } from '@/lib/tasks/board';
import { getGanttData } from '@/lib/tasks/gantt';
import { importTaskTable } from '@/lib/tasks/import-tasks';
import { listTasks } from '@/lib/tasks/queries';
import { lenientTaskFilters } from '@/lib/tasks/schema';
import { seedSpace } from '../integration/support/factories';
import { seedGanttPlan } from '../support/gantt-seed';
import { createThrowawayDatabase } from '../support/throwaway-postgres';
import { buildSheet, generateTaskRows, TASK_SHEET_HEADERS } from '../support/task-sheet-builder';
import { percentile } from './percentile';

// The task views on the performance bar: a space of 5,000 tasks (500 with dependencies),
// the data behind the list page, the Gantt page and the board (about 1,250 cards a column), and
// the import of a 5,000-row sheet. PGlite always; Postgres too when DATABASE_URL is set (in a
// throwaway database). `npm run bench -- tasks`; the pages over HTTP: `npm run bench:pages`.
const TASKS = 5000;
const DEPENDENCIES = 500;
const TODAY = '2026-06-15';
const filters = lenientTaskFilters({});

/** A database with one space of the benchmark's size; the process-wide handle points at it. */
async function seededDatabase(handle: DatabaseHandle) {
  setDatabaseHandle(handle);
  const seeded = await seedSpace();
  await seedGanttPlan(handle.db, {
    spaceId: seeded.space.id, assigneeIds: [seeded.admin.id, seeded.owner.id, seeded.participant.id], tasks: TASKS, dependencies: DEPENDENCIES,
  });
  const sheet = await buildSheet({ headers: TASK_SHEET_HEADERS.slice(1), rows: generateTaskRows(TASKS, ['参与者', '负责人', '管理员'], seeded.department.name) });
  return { handle, actor: userActor(seeded.participant), spaceId: seeded.space.id, sheet };
}

async function throwawayPostgres(adminUrl: string) {
  const database = await createThrowawayDatabase(adminUrl, 'xiezuo_bench');
  const handle = await openDatabase({ url: database.url });
  return { handle, drop: async () => { await handle.close(); await database.drop(); } };
}

// Seeded while the file loads: bench mode runs no beforeAll before the measured functions.
const pglite = await seededDatabase(await openDatabase({ dir: 'memory://' }));
const postgres = process.env.DATABASE_URL ? await throwawayPostgres(process.env.DATABASE_URL) : null;
const postgresSpace = postgres ? await seededDatabase(postgres.handle) : null;

type Target = Awaited<ReturnType<typeof seededDatabase>>;

/**
 * One measured operation, reported as p50/p95 after the run. `run` may return its own timing in
 * milliseconds when part of it is preparation that must not count.
 */
function measured(label: string, name: string, target: Target, run: (t: Target) => Promise<unknown>, options: { iterations: number; last?: () => Promise<void> }) {
  const samples: number[] = [];
  bench(name, async () => {
    setDatabaseHandle(target.handle);
    const began = performance.now();
    const own = await run(target);
    samples.push(typeof own === 'number' ? own : performance.now() - began);
  }, {
    time: 3000,
    iterations: options.iterations,
    teardown: async (_task, mode) => {
      if (mode !== 'run') return;
      console.log(`${label}: ${name}: p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms (${samples.length} runs)`);
      await options.last?.();
    },
  });
}

for (const [label, target, cleanUp] of [
  ['PGlite', pglite, () => pglite.handle.close()],
  ['Postgres', postgresSpace, () => postgres!.drop()],
] as const) {
  if (!target) continue;
  describe(label, () => {
    measured(label, `task list, first page of ${TASKS}`, target, (t) => listTasks(t.actor, t.spaceId, filters, TODAY), { iterations: 30 });
    measured(label, 'task list by due date, unfinished only', target, (t) => listTasks(t.actor, t.spaceId, { sort: 'dueDate', status: ['todo', 'in_progress', 'blocked'] }, TODAY), { iterations: 30 });
    measured(label, `Gantt data, ${TASKS} tasks / ${DEPENDENCIES} dependencies`, target, (t) => getGanttData(t.actor, t.spaceId, filters, TODAY), { iterations: 30 });
    measured(label, 'board, four columns of about 1,250 cards', target, (t) => getBoard(t.actor, t.spaceId, filters, TODAY), { iterations: 30 });
    // Each import goes into a new, empty space, made outside the timing.
    measured(label, `import a ${TASKS}-row task table`, target, async (t) => {
      const seeded = await seedSpace();
      const began = performance.now();
      await importTaskTable(userActor(seeded.admin), seeded.space.id, t.sheet);
      return performance.now() - began;
    }, { iterations: 3, last: cleanUp });
  });
}
