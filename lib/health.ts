import { getDatabaseHandle, pingDatabase, type DatabaseKind } from '@/db/client';
import { env } from '@/lib/env';
import { appVersion } from '@/lib/version';

export interface Health {
  status: 'ok' | 'error';
  database: DatabaseKind;
  version: string;
  error?: string;
}

const PING_TIMEOUT_MS = 5000;

/** Whether the app can reach its database, which kind it is and which version is running. */
export async function checkHealth(): Promise<Health> {
  const database: DatabaseKind = env.DATABASE_URL ? 'postgres' : 'pglite';
  try {
    const handle = await getDatabaseHandle();
    await Promise.race([
      pingDatabase(handle.db),
      new Promise((_, reject) => setTimeout(() => reject(new Error('database ping timed out')), PING_TIMEOUT_MS)),
    ]);
    return { status: 'ok', database: handle.kind, version: appVersion };
  } catch {
    return { status: 'error', database, version: appVersion, error: 'database unreachable' };
  }
}
