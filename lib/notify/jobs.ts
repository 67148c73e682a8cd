import { flagOverdueComments } from '@/lib/comments/overdue';
import { runScheduledSyncs } from '@/lib/directory/schedule';
import { env } from '@/lib/env';
import { backfillSearchColumns } from '@/lib/search/backfill';
import { runDueDigests } from './digest';
import { deliverDue } from './outbox';

// The server's periodic work, in every app process (outbox every tick; overdue replies and digests every minute): several processes doing it at once is safe
// (deliveries are claimed with SKIP LOCKED, digests by their run key), so no leader is needed.

const DELIVERY_TICK_MS = 15_000;
const DIGEST_EVERY_TICKS = 4;

const globalState = globalThis as typeof globalThis & { __xiezuoJobs?: ReturnType<typeof setInterval> };

let directorySyncing = false;

/** Directory syncs read remote systems and may be slow: they run beside the tick, one at a time, not in it. */
function startDirectorySyncs(now: Date): void {
  if (directorySyncing) return;
  directorySyncing = true;
  runScheduledSyncs(now).catch((error: unknown) => {
    console.error('Directory sync:', error instanceof Error ? error.message : error);
  }).finally(() => {
    directorySyncing = false;
  });
}

async function runTick(tick: number): Promise<void> {
  const now = new Date();
  if (tick % DIGEST_EVERY_TICKS === 0) {
    await flagOverdueComments(now);
    await runDueDigests(now);
    startDirectorySyncs(now);
  }
  await deliverDue(now);
}

/** Starts the jobs once per process (BACKGROUND_JOBS=0 leaves them off, e.g. for a read-only replica). */
export function startBackgroundJobs(): void {
  if (!env.BACKGROUND_JOBS || globalState.__xiezuoJobs) return;
  let tick = 0;
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    runTick(tick++).catch((error: unknown) => {
      // The database may be away; the next tick tries again.
      console.error('Background jobs:', error instanceof Error ? error.message : error);
    }).finally(() => {
      running = false;
    });
  };
  globalState.__xiezuoJobs = setInterval(run, DELIVERY_TICK_MS);
  globalState.__xiezuoJobs.unref();
  run();
  // Once per start: rows from before global search get their search columns (a no-op when none lack them).
  backfillSearchColumns().catch((error: unknown) => {
    console.error('Search backfill:', error instanceof Error ? error.message : error);
  });
}
