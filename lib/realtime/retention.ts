import { getDatabaseHandle } from '@/db/client';
import { env } from '@/lib/env';
import { pruneSpaceEvents } from './events';

const HOUR_MS = 3_600_000;

const globalState = globalThis as typeof globalThis & { __xiezuoEventPruning?: ReturnType<typeof setInterval> };

/**
 * Deletes events older than EVENT_RETENTION_DAYS now and every hour, in this process (several
 * processes doing it too is harmless). A client whose gap reaches past them gets `reset`.
 */
export function startEventPruning(): void {
  if (globalState.__xiezuoEventPruning) return;
  const prune = () => {
    void getDatabaseHandle()
      .then(({ db }) => pruneSpaceEvents(db, new Date(Date.now() - env.EVENT_RETENTION_DAYS * 24 * HOUR_MS)))
      .catch(() => {
        // The database is away; the next hour tries again.
      });
  };
  prune();
  globalState.__xiezuoEventPruning = setInterval(prune, HOUR_MS);
  globalState.__xiezuoEventPruning.unref();
}
