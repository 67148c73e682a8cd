import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, setDatabaseHandle } from '@/db/client';
import { GET } from '@/app/api/health/route';
import pkg from '@/package.json';
import { setupTestDatabase } from './support/database';

const database = setupTestDatabase();
afterEach(() => setDatabaseHandle(database.handle));

describe('GET /api/health', () => {
  it('reports ok, the database in use and the version', async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok', database: process.env.DATABASE_URL ? 'postgres' : 'pglite', version: pkg.version,
    });
  });

  it('answers 503 with status "error" when the database is unreachable', async () => {
    // Nothing listens on port 1: the pool opens lazily, so the ping is what fails.
    const unreachable = await openDatabase({ url: 'postgres://postgres@127.0.0.1:1/nowhere', migrate: false });
    setDatabaseHandle(unreachable);
    try {
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'error', version: pkg.version });
    } finally {
      await unreachable.close();
    }
  });
});
