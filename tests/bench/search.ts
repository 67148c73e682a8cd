// The global search benchmark (issue 10): searchEverything over 1,000,000 messages, 100,000 tasks
// and 20,000 knowledge pages spread over 20 spaces, as the demo organisation's admin (who may
// search every space: the widest scope). Each query's p50/p95 (counts per type, capped at 1000,
// plus the first page of 20), exactness of the counts against a substring scan, and whether
// title hits come first. On Postgres by default (DATABASE_URL); `--pglite` runs a smaller corpus.
//   npm run bench -- search [--pglite] [--scale 0.1] [--spaces 20] [--keep: seed only, and keep the database]
import { eq, sql } from 'drizzle-orm';
import { closeDatabase, setDatabaseHandle } from '@/db/client';
import { spaceMembers, users } from '@/db/schema';
import { userActor } from '@/lib/auth/actor';
import { containsPattern } from '@/lib/like-pattern';
import { normalizeForSearch } from '@/lib/search/cjk-bigrams';
import { searchEverything } from '@/lib/search/global';
import { SEARCH_TYPES } from '@/lib/search/schema';
import { BENCH_USER, prepareDatabase, seedBenchSpaces } from './bench-app';
import { SEARCH_QUERIES } from './chat/search-corpus';
import { allChannelOf } from './chat/seed-chat';
import { percentile } from './percentile';
import { seedCorpus } from './search/corpus';

const option = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const usePostgres = !process.argv.includes('--pglite');
const SCALE = option('scale', usePostgres ? 1 : 0.1);
const SPACES = option('spaces', 20);
const SIZE = { messages: Math.round(1_000_000 * SCALE), tasks: Math.round(100_000 * SCALE), pages: Math.round(20_000 * SCALE) };
const SAMPLES = 7;
const TARGET_MS = 150;

const ms = (n: number) => `${n.toFixed(1).padStart(7)} ms`;
const TABLES = { page: 'kb_pages', task: 'tasks', file: 'files', message: 'messages' } as const;

const database = await prepareDatabase(usePostgres);
try {
  console.log(`Global search benchmark on ${database.label}: ${SIZE.messages.toLocaleString()} messages, ${SIZE.tasks.toLocaleString()} tasks, ${SIZE.pages.toLocaleString()} pages in ${SPACES} spaces`);
  const spaceIds = await seedBenchSpaces(database, Array.from({ length: SPACES }, (_, i) => ({ name: `搜索基准${i + 1}`, plan: { tasks: 0, dependencies: 0 } })));
  const handle = await database.open();
  setDatabaseHandle(handle);
  const db = handle.db;
  const [admin] = await db.select().from(users).where(eq(users.email, BENCH_USER.email));
  const members = await db.select({ id: spaceMembers.userId }).from(spaceMembers).where(eq(spaceMembers.spaceId, spaceIds[0]!));
  const seeding = performance.now();
  await seedCorpus(db, {
    organizationId: admin!.organizationId, authorId: admin!.id, assigneeIds: members.map((m) => m.id),
    spaces: await Promise.all(spaceIds.map(async (id) => ({ id, channelId: await allChannelOf(db, id) }))), size: SIZE,
  });
  console.log(`  seeded and indexed in ${((performance.now() - seeding) / 1000).toFixed(0)} s`);
  if (process.argv.includes('--keep')) {
    console.log(`  kept for a closer look: ${JSON.stringify(database.env)}`);
    process.exit(0);
  }

  const actor = userActor(admin!);
  const all: number[] = [];
  let allExact = true;
  let allTitleFirst = true;
  console.log('\n  query          p50        p95       page  task  file  message   exact  title-first');
  for (const q of SEARCH_QUERIES) {
    let result = await searchEverything(actor, { q });
    const samples: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const started = performance.now();
      result = await searchEverything(actor, { q });
      samples.push(performance.now() - started);
    }
    all.push(...samples);
    // Ground truth: a sequential substring scan of each table, capped like the counts.
    const terms = normalizeForSearch(q).split(/\s+/).filter(Boolean);
    let exact = true;
    for (const type of SEARCH_TYPES) {
      const where = sql.join(terms.map((t) => sql`search_text like ${containsPattern(t)}`), sql` and `);
      const truth = await db.execute(sql`select count(*)::int as n from (select 1 from ${sql.identifier(TABLES[type])} where ${where} limit 1001) c`) as unknown as { rows: { n: number }[] };
      const counted = result.counts[type].capped ? 1001 : result.counts[type].total;
      if (Number(truth.rows[0]!.n) !== counted) exact = false;
    }
    // Title hits first: once a hit without every keyword in its title appears, no title hit follows.
    const titled = result.hits.map((h) => h.type !== 'message' && terms.every((t) => normalizeForSearch(h.title).includes(t)));
    const titleFirst = titled.every((hit, i) => !hit || titled.slice(0, i).every(Boolean));
    allExact &&= exact;
    allTitleFirst &&= titleFirst;
    const c = (type: (typeof SEARCH_TYPES)[number]) => (result.counts[type].capped ? '1000+' : String(result.counts[type].total)).padStart(5);
    console.log(`  ${q.padEnd(12)} ${ms(percentile(samples, 50))} ${ms(percentile(samples, 95))}  ${c('page')} ${c('task')} ${c('file')}  ${c('message')}   ${exact ? 'exact' : 'NOT EXACT'}  ${titleFirst ? 'yes' : 'NO'}`);
  }
  const p95 = percentile(all, 95);
  console.log(`\n  all queries p50 ${ms(percentile(all, 50))}  p95 ${ms(p95)} (target p95 < ${TARGET_MS} ms; ${(p95 / TARGET_MS).toFixed(2)}×); counts ${allExact ? 'exact' : 'NOT EXACT'}; title hits first: ${allTitleFirst ? 'yes' : 'NO'}`);
  await closeDatabase();
} finally {
  await database.drop();
}
