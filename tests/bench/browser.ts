// The task views in Chromium, against issue 5's bar: the Gantt page of a 5,000-task plan (500
// dependencies) interactive in < 1.5 s and scrolling at 60 fps, and a board with 1,000 cards in
// one column staying responsive. Seeds a throwaway database (PGlite, or Postgres with --postgres
// and DATABASE_URL), starts the built app (`npm run build` first), drives Debian's Chromium.
//   npm run bench:browser                      PGlite
//   npm run bench:browser -- --postgres        Postgres
//   npm run bench:browser -- --runs 4          fewer loads per page (default 8)
//   npm run bench:browser -- --trace           also trace one run of each action: where the time goes
// The board is measured as built (a column holds up to BOARD_COLUMN_LIMIT cards, 2,000 unless
// configured, and renders those in view) and again on a second server started with
// BOARD_COLUMN_LIMIT=1000, which must hold the whole 1,000-card column too.
import os from 'node:os';
import type { BrowserContext } from '@playwright/test';
import { prepareDatabase, seedBenchSpaces, signIn, startApp } from './bench-app';
import { LONG_COLUMN, longColumnSpace, measureBoard } from './browser/board';
import { diagnoseBoard, diagnoseGantt, printDiagnosis, type Diagnosis } from './browser/diagnose';
import { measureGantt } from './browser/gantt';
import { boardRows, frameRow, loadRow, printTable, type Row } from './browser/report';
import { launchChromium, signedInContext, VIEWPORT } from './browser/session';

const option = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const RUNS = option('--runs', 8);
/** Drags of each kind on each board; every one moves a card and puts it back. */
const MOVES = option('--moves', 3);
const TRACE = process.argv.includes('--trace');
/** A phone-like CPU, as Lighthouse's mobile preset slows the main thread. */
const SLOW_CPU = 4;
// Ports 3400–3499 are this benchmark's.
const PORT = Number(process.env.BENCH_PORT ?? 3400);

const database = await prepareDatabase(process.argv.includes('--postgres'));
const [ganttSpaceId, boardSpaceId] = await seedBenchSpaces(database, [
  { name: '五千项任务', plan: { tasks: 5000, dependencies: 500 } },
  longColumnSpace,
]);
const browser = await launchChromium();
/** Where the run is, on stderr: the table on stdout stays clean. */
const progress = (what: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${what}`);

/** Runs `measure` against a fresh server on the database, signed in, then stops the server. */
async function withApp<T>(port: number, env: Record<string, string>, measure: (context: BrowserContext) => Promise<T>): Promise<T> {
  const app = await startApp(port, { ...database.env, ...env });
  try {
    const context = await signedInContext(browser, app.base, await signIn(app.base));
    try {
      return await measure(context);
    } finally {
      await context.close();
    }
  } finally {
    await app.stop();
  }
}

/** Other work on the machine moves these figures: the table says how busy it was. */
const load = () => os.loadavg()[0]!.toFixed(1);
const loadBefore = load();

try {
  const rows: Row[] = [];
  const diagnosis: Diagnosis = [];
  await withApp(PORT, {}, async (context) => {
    for (const cpu of [1, SLOW_CPU]) {
      progress(`Gantt at CPU ${cpu}x`);
      const gantt = await measureGantt(context, ganttSpaceId!, cpu, cpu === 1 ? RUNS : Math.ceil(RUNS / 2));
      const label = `Gantt ${gantt.rowsLabel}, CPU ${cpu}x`;
      rows.push(loadRow(`${label} (${gantt.barsDrawn} bars drawn)`, gantt.loads), frameRow(`${label}, scroll down`, gantt.vertical), frameRow(`${label}, scroll across`, gantt.horizontal));
    }
    progress('board as built');
    rows.push(...boardRows('Board as built', await measureBoard(context, boardSpaceId!, 1, RUNS, MOVES)));
    if (!TRACE) return;
    progress('tracing the Gantt chart and the board as built');
    for (const cpu of [1, SLOW_CPU]) diagnosis.push(...(await diagnoseGantt(browser, context, ganttSpaceId!, cpu)));
    diagnosis.push(...(await diagnoseBoard(browser, context, boardSpaceId!, 'Board as built')));
  });
  await withApp(PORT + 1, { BOARD_COLUMN_LIMIT: String(LONG_COLUMN) }, async (context) => {
    progress('board with the whole column');
    rows.push(...boardRows('Board, whole column', await measureBoard(context, boardSpaceId!, 1, RUNS, MOVES)));
    if (TRACE) diagnosis.push(...(await diagnoseBoard(browser, context, boardSpaceId!, 'Board, whole column')));
  });
  printTable(
    `Task views in Chromium ${browser.version()} on ${database.label}, ${VIEWPORT.width}x${VIEWPORT.height}, ${RUNS} loads after a warm-up (${Math.ceil(RUNS / 2)} at CPU ${SLOW_CPU}x); times in ms\n` +
      `${os.cpus().length} CPUs, load average ${loadBefore} at the start, ${load()} at the end`,
    rows,
  );
  if (TRACE) printDiagnosis(diagnosis);
} finally {
  await browser.close();
  await database.drop();
}
