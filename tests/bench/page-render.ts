// Server-render time of the task pages on the benchmark's plan: 5,000 tasks, 500 with dependencies.
// Seeds a fresh database (embedded PGlite, or Postgres with --postgres and DATABASE_URL), starts the
// built app (`npm run build` first) on its own port, signs in as a member and times each page.
//   npm run bench:pages            PGlite
//   npm run bench:pages -- --postgres
import { percentile } from './percentile';
import { prepareDatabase, seedBenchSpaces, signIn, startApp } from './bench-app';

const TASKS = 5000;
const DEPENDENCIES = 500;
const RUNS = 30;
const PORT = Number(process.env.BENCH_PORT ?? 3300);

async function timePage(base: string, cookie: string, pagePath: string) {
  const once = async () => {
    const started = performance.now();
    const response = await fetch(`${base}${pagePath}`, { headers: { cookie, 'accept-language': 'zh-CN' } });
    await response.text();
    if (!response.ok) throw new Error(`${pagePath}: HTTP ${response.status}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 3; i++) await once();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await once());
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

const database = await prepareDatabase(process.argv.includes('--postgres'));
const [spaceId] = await seedBenchSpaces(database, [{ name: '五千项任务', plan: { tasks: TASKS, dependencies: DEPENDENCIES } }]);
const app = await startApp(PORT, database.env);
try {
  const cookie = await signIn(app.base);
  console.log(`Server render on ${database.label}, ${TASKS} tasks, ${DEPENDENCIES} dependencies (${RUNS} runs after 3 warm-ups)`);
  for (const [label, suffix] of [['task list', 'tasks'], ['Gantt', 'gantt'], ['board', 'board']] as const) {
    const { p50, p95 } = await timePage(app.base, cookie, `/spaces/${spaceId}/${suffix}`);
    console.log(`  ${label.padEnd(10)} p50 ${p50.toFixed(0).padStart(5)} ms   p95 ${p95.toFixed(0).padStart(5)} ms`);
  }
} finally {
  await app.stop();
  await database.drop();
}
