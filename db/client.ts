import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { env } from '@/lib/env';
import type { Listener } from './pg-listener';
import { lockDataDir } from './pglite-lock';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** The handle a `db.transaction` callback receives. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type DatabaseKind = 'postgres' | 'pglite';

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /**
   * Calls `onPayload` for each NOTIFY on `channel` (delivered when the notifying transaction
   * commits), and `onReconnect` after a lost connection came back (notifications may be missed).
   */
  listen(channel: string, onPayload: (payload: string) => void, onReconnect?: () => void): Promise<Listener>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Postgres connection string; when absent the embedded PGlite is used. */
  url?: string;
  /** PGlite data folder, or `memory://` for a throwaway in-memory database. */
  dir?: string;
  migrate?: boolean;
}

const migrationsFolder = path.join(process.cwd(), 'db/migrations');
// Any fixed number: serialises migrations when several processes start against one Postgres.
const MIGRATION_LOCK_KEY = 727_100_001;

async function openPostgres(url: string, migrate: boolean): Promise<DatabaseHandle> {
  const { Pool } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const pool = new Pool({ connectionString: url, connectionTimeoutMillis: 5000, max: 10 });
  const db = drizzle({ client: pool, schema, casing: 'snake_case' });
  if (migrate) {
    const { migrate: runMigrations } = await import('drizzle-orm/node-postgres/migrator');
    const client = await pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      await runMigrations(drizzle({ client, schema, casing: 'snake_case' }), { migrationsFolder });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
      client.release();
    }
  }
  // Listeners hold connections of their own: closing the handle closes them too.
  const listeners = new Set<Listener>();
  const listen: DatabaseHandle['listen'] = async (channel, onPayload, onReconnect = () => {}) => {
    const { listenPostgres } = await import('./pg-listener');
    const listener = await listenPostgres(url, channel, onPayload, onReconnect);
    listeners.add(listener);
    return {
      close: () => {
        listeners.delete(listener);
        return listener.close();
      },
    };
  };
  const close = async () => {
    await Promise.all([...listeners].map((listener) => listener.close()));
    await pool.end();
  };
  return { db: db as unknown as Database, kind: 'postgres', listen, close };
}

async function openPglite(dir: string, migrate: boolean): Promise<DatabaseHandle> {
  const inMemory = dir.startsWith('memory://');
  const release = inMemory ? () => {} : lockDataDir(dir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const client = new PGlite(inMemory ? dir : path.resolve(dir));
    await client.waitReady;
    const db = drizzle({ client, schema, casing: 'snake_case' });
    if (migrate) {
      const { migrate: runMigrations } = await import('drizzle-orm/pglite/migrator');
      await runMigrations(db, { migrationsFolder });
    }
    const close = async () => {
      await client.close();
      release();
    };
    // One in-process database: its notifications cannot be lost to a dropped connection.
    const listen: DatabaseHandle['listen'] = async (channel, onPayload) => {
      const unlisten = await client.listen(channel, onPayload);
      return { close: () => unlisten() };
    };
    return { db: db as unknown as Database, kind: 'pglite', listen, close };
  } catch (error) {
    release();
    throw error;
  }
}

/** Opens a database and, unless told otherwise, brings its schema up to date. */
export function openDatabase(options: OpenOptions = {}): Promise<DatabaseHandle> {
  const migrate = options.migrate ?? true;
  if (options.url) return openPostgres(options.url, migrate);
  return openPglite(options.dir ?? env.PGLITE_DIR, migrate);
}

// The process-wide handle lives on globalThis so Next's separately bundled route modules share it.
const globalState = globalThis as typeof globalThis & { __xiezuoDb?: Promise<DatabaseHandle> };

/** The database this process uses, opened (and migrated) on first use from the environment. */
export function getDatabaseHandle(): Promise<DatabaseHandle> {
  if (!globalState.__xiezuoDb) {
    const opening = openDatabase({ url: env.DATABASE_URL, dir: env.PGLITE_DIR });
    // A failed open is not cached: the next request tries again (e.g. once Postgres is back).
    opening.catch(() => {
      if (globalState.__xiezuoDb === opening) globalState.__xiezuoDb = undefined;
    });
    globalState.__xiezuoDb = opening;
  }
  return globalState.__xiezuoDb;
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

/** Makes this process use the given database (tests, CLI). */
export function setDatabaseHandle(handle: DatabaseHandle): void {
  globalState.__xiezuoDb = Promise.resolve(handle);
}

export async function closeDatabase(): Promise<void> {
  const current = globalState.__xiezuoDb;
  globalState.__xiezuoDb = undefined;
  if (current) await (await current).close();
}

/** Round-trips a trivial query; used by the health check. */
export async function pingDatabase(db: Database): Promise<void> {
  await db.execute(sql`select 1`);
}
