// `npm run bench -- digest [--pglite]`: the daily digest for an organisation of 5,000 people and 200
// spaces holding 100,000 open tasks (on the Postgres of DATABASE_URL unless --pglite), with its
// time and memory; then the feed page of a space with 100,000 feed lines, served by the built app
// (`npm run build` first), p50/p95 over 30 requests. Targets: digest < 30 s, feed p95 < 200 ms.
import './queue-email-env';
import { eq } from 'drizzle-orm';
import { closeDatabase, setDatabaseHandle, type Database } from '@/db/client';
import { deliveries, departments, digestRuns, digestSchedules, feedEvents, notifications, organizations, spaceMembers, spaces, taskHelpers, users } from '@/db/schema';
import { runDueDigests } from '@/lib/notify/digest';
import { percentile } from './percentile';
import { prepareDatabase, seedBenchSpaces, signIn, startApp } from './bench-app';
import { seedGanttPlan } from '../support/gantt-seed';

const USERS = 5000;
const SPACES = 200;
const TASKS_PER_SPACE = 500;
const MEMBERS_PER_SPACE = 50;
const FEED_LINES = 100_000;
const RUNS = 30;
const CHUNK = 1000;
const PORT = Number(process.env.BENCH_PORT ?? 3300);

async function insertAll<T>(db: Database, table: Parameters<Database['insert']>[0], rows: T[]) {
  for (let i = 0; i < rows.length; i += CHUNK) await db.insert(table).values(rows.slice(i, i + CHUNK) as never);
}

async function seedOrganisation(db: Database) {
  const [org] = await db.insert(organizations).values({ name: '基准集团' }).returning();
  const depts = await db.insert(departments).values(Array.from({ length: 20 }, (_, i) => ({ organizationId: org!.id, name: `部门 ${i + 1}` }))).returning();
  const people = Array.from({ length: USERS }, (_, i) => ({
    id: crypto.randomUUID(), organizationId: org!.id, departmentId: depts[i % depts.length]!.id, name: `员工${i + 1}`, email: `bench${i + 1}@bench.example.com`,
  }));
  await insertAll(db, users, people);
  for (let s = 0; s < SPACES; s++) {
    const [space] = await db.insert(spaces).values({
      organizationId: org!.id, name: `项目 ${s + 1}`, goal: '基准', coverColor: 'blue', startDate: '2026-06-01', endDate: '2027-06-30',
    }).returning();
    // Each person is in two spaces.
    const members = Array.from({ length: MEMBERS_PER_SPACE }, (_, m) => people[(s * MEMBERS_PER_SPACE + m) % USERS]!.id);
    await db.insert(spaceMembers).values(members.map((userId, m) => ({ spaceId: space!.id, userId, role: m < 2 ? 'owner' as const : 'participant' as const, isAdmin: m === 0 })));
    const statuses = ['todo', 'in_progress', 'blocked'] as const;
    const { taskIds } = await seedGanttPlan(db, {
      spaceId: space!.id, assigneeIds: members, tasks: TASKS_PER_SPACE, dependencies: 0, startDate: '2026-07-01', seed: s + 1,
      statusOf: (i) => statuses[i % 10 === 0 ? 2 : i % 2]!,
    });
    await insertAll(db, taskHelpers, taskIds.filter((_, i) => i % 5 === 0).map((taskId, i) => ({ taskId, userId: members[(i + 7) % members.length]! })));
    await db.insert(digestSchedules).values({ spaceId: space!.id, timeOfDay: '09:00', daysOfWeek: [1, 2, 3, 4, 5, 6, 7], timeZone: 'Asia/Shanghai', audiences: ['assignees', 'helpers', 'admins'] });
  }
}

async function benchDigest(usePostgres: boolean) {
  const database = await prepareDatabase(usePostgres);
  try {
    const handle = await database.open();
    setDatabaseHandle(handle);
    const seeding = performance.now();
    await seedOrganisation(handle.db);
    console.log(`Seeded ${USERS} people, ${SPACES} spaces, ${SPACES * TASKS_PER_SPACE} open tasks on ${database.label} in ${((performance.now() - seeding) / 1000).toFixed(0)} s`);
    const heapBefore = process.memoryUsage().heapUsed;
    let peak = heapBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 50);
    const started = performance.now();
    const result = await runDueDigests(new Date('2026-12-03T01:30:00Z'));
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const [runs, sent, emails] = await Promise.all([
      handle.db.$count(digestRuns), handle.db.$count(notifications, eq(notifications.kind, 'digest.daily')), handle.db.$count(deliveries),
    ]);
    console.log(`Digest: ${result.spaces} spaces, ${runs} digests (${sent} notifications, ${emails} emails queued) in ${seconds.toFixed(1)} s`
      + ` (target < 30 s: ${(seconds / 30).toFixed(2)}×); heap peak +${((peak - heapBefore) / 1024 ** 2).toFixed(0)} MB`);
    await closeDatabase();
  } finally {
    await database.drop();
  }
}

async function benchFeed(usePostgres: boolean) {
  const database = await prepareDatabase(usePostgres);
  const [spaceId] = await seedBenchSpaces(database, [{ name: '十万条动态', plan: { tasks: 100, dependencies: 0 } }]);
  const handle = await database.open();
  setDatabaseHandle(handle);
  const actors = (await handle.db.select({ userId: spaceMembers.userId }).from(spaceMembers).where(eq(spaceMembers.spaceId, spaceId!))).map((m) => m.userId);
  const kinds = ['task.created', 'task.completed', 'file.uploaded', 'meeting.decision', 'task.blocked'] as const;
  const start = Date.parse('2026-01-01T00:00:00Z');
  await insertAll(handle.db, feedEvents, Array.from({ length: FEED_LINES }, (_, i) => ({
    spaceId: spaceId!, actorId: actors[i % actors.length]!, kind: kinds[i % kinds.length]!, subjectType: 'task', subjectId: null,
    data: { name: `任务 ${i}`, number: i, topic: '周会', text: '按计划推进' }, createdAt: new Date(start + i * 60_000),
  })));
  await closeDatabase();
  const app = await startApp(PORT, database.env);
  try {
    const cookie = await signIn(app.base);
    console.log(`Feed page, ${FEED_LINES} lines on ${database.label} (${RUNS} runs after 3 warm-ups)`);
    for (const [label, query] of [['newest', ''], ['tasks only', '?group=tasks'], ['one person', `?actorId=${actors[3]}`]] as const) {
      const samples: number[] = [];
      for (let i = 0; i < RUNS + 3; i++) {
        const began = performance.now();
        const response = await fetch(`${app.base}/spaces/${spaceId}/feed${query}`, { headers: { cookie, 'accept-language': 'zh-CN' } });
        await response.text();
        if (!response.ok) throw new Error(`feed: HTTP ${response.status}`);
        if (i >= 3) samples.push(performance.now() - began);
      }
      const p95 = percentile(samples, 95);
      console.log(`  ${label.padEnd(11)} p50 ${percentile(samples, 50).toFixed(0).padStart(4)} ms   p95 ${p95.toFixed(0).padStart(4)} ms (target < 200 ms: ${(p95 / 200).toFixed(2)}×)`);
    }
  } finally {
    await app.stop();
    await database.drop();
  }
}

const usePostgres = !process.argv.includes('--pglite') && Boolean(process.env.DATABASE_URL);
await benchDigest(usePostgres);
await benchFeed(usePostgres);
