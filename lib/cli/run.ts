import { closeDatabase, getDatabaseHandle, type DatabaseHandle } from '@/db/client';
import { DataDirInUseError } from '@/db/pglite-lock';
import { env } from '@/lib/env';
import { isDomainError } from '@/lib/errors';
import { translateDomainError } from '@/lib/http/translate-error';

export function describeDatabase(handle: Pick<DatabaseHandle, 'kind'>): string {
  return handle.kind === 'postgres' ? 'Postgres (DATABASE_URL)' : `embedded PGlite in ${env.PGLITE_DIR}`;
}

/** Explains an expected failure in one plain sentence; anything else is a bug and keeps its stack. */
export function explainFailure(error: unknown): string {
  if (error instanceof DataDirInUseError) return error.message;
  if (isDomainError(error)) {
    const { message, fieldErrors } = translateDomainError(error, 'en');
    const fields = Object.entries(fieldErrors).map(([field, messages]) => `  --${field}: ${messages.join('; ')}`);
    return [message, ...fields].join('\n');
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * Runs one CLI command against the configured database (opened and migrated first), closes the
 * database afterwards so an embedded data folder is released, and sets the exit code.
 */
export async function withDatabase(task: (handle: DatabaseHandle) => Promise<void>): Promise<void> {
  try {
    const handle = await getDatabaseHandle();
    await task(handle);
  } catch (error) {
    console.error(`Error: ${explainFailure(error)}`);
    process.exitCode = 1;
  } finally {
    await closeDatabase().catch(() => {});
  }
}
