import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { appSettings } from '@/db/schema';
import { env } from '@/lib/env';

const KEY = 'auth_secret';

/**
 * The key that signs session cookies: AUTH_SECRET when configured, otherwise one generated on
 * first use and kept in the database, so sessions survive restarts without any set-up.
 */
export function getAuthSecret(): Promise<string> {
  if (env.AUTH_SECRET) return Promise.resolve(env.AUTH_SECRET);
  if (!stored) {
    const loading = loadStoredSecret();
    loading.catch(() => {
      if (stored === loading) stored = undefined; // retry once the database is back
    });
    stored = loading;
  }
  return stored;
}

// Every module copy that loads it reads the same row, so a per-module memo is safe.
let stored: Promise<string> | undefined;

async function loadStoredSecret(): Promise<string> {
  const db = await getDb();
  await db
    .insert(appSettings)
    .values({ key: KEY, value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, KEY));
  return row!.value;
}
