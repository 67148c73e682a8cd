import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import pg from 'pg';
import { closeDatabase, openDatabase, setDatabaseHandle, type DatabaseHandle } from '@/db/client';

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
  let name: string | undefined;

  beforeAll(async () => {
    if (adminUrl) {
      name = `xiezuo_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      state.url = url.toString();
      state.handle = await openDatabase({ url: state.url });
    } else {
      state.handle = await openDatabase({ dir: 'memory://' });
    }
    setDatabaseHandle(state.handle);
  });

  afterAll(async () => {
    await closeDatabase();
    if (adminUrl && name) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      // The pool resolves its end() before every socket has closed; dropping with FORCE under a
      // still-closing connection makes that client throw. Wait for the sessions to go first.
      for (let i = 0; i < 50; i++) {
        const { rows } = await admin.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });

  return state;
}
