import { afterAll, beforeAll } from 'vitest';
import { closeDatabase, openDatabase, setDatabaseHandle, type DatabaseHandle } from '@/db/client';
import { createThrowawayDatabase } from '../../support/throwaway-postgres';

export interface TestDatabase {
  handle: DatabaseHandle;
  /** The Postgres URL of this file's own database; undefined on PGlite. */
  url?: string;
}

/**
 * Gives the test file its own freshly migrated database and makes the app use it: a new
 * Postgres database when DATABASE_URL is set (dropped afterwards), else an in-memory PGlite.
 */
export function setupTestDatabase(): TestDatabase {
  const state = {} as TestDatabase;
  const adminUrl = process.env.DATABASE_URL;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    if (adminUrl) {
      const database = await createThrowawayDatabase(adminUrl, 'xiezuo_test');
      drop = database.drop;
      state.url = database.url;
      state.handle = await openDatabase({ url: state.url });
    } else {
      state.handle = await openDatabase({ dir: 'memory://' });
    }
    setDatabaseHandle(state.handle);
  });

  afterAll(async () => {
    await closeDatabase();
    await drop?.();
  });

  return state;
}
