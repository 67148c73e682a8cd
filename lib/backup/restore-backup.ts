import path from 'node:path';
import { openDatabase, type DatabaseHandle } from '@/db/client';
import { organizations } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { systemActor } from '@/lib/auth/actor';
import { BackupError } from './errors';
import { checkFilesTarget, extractFiles } from './file-archive';
import { describeMigration, knownMigrations, migrationLevel } from './inspect';
import { openBackup } from './location';
import { partOf, readManifest, verifyParts, type Manifest } from './manifest';
import { checkPgliteTarget, restorePglite } from './pglite';
import { checkPostgresTarget, countPostgresRows, restorePostgres } from './postgres';
import type { PgTool } from './pg-tools';
import type { Installation } from './target';

export const RESTORE_AUDIT_ACTION = 'system.restore';

export interface RestoreOptions {
  /** Restore into a database or files folder that is not empty. */
  force?: boolean;
}

export interface RestoreResult {
  manifest: Manifest;
  migration: string;
}

/** A backup of a newer version has migrations this version cannot undo or know. */
function assertNotNewer(manifest: Manifest): void {
  const { latestWhen } = manifest.database.migration;
  const newest = knownMigrations().at(-1)?.when ?? 0;
  if (latestWhen !== null && latestWhen > newest) {
    throw new BackupError(
      `This backup comes from a newer Xiezuo (${manifest.appVersion}) whose database has migrations this version does not know. ` +
        'Install that version or a newer one first. Nothing was restored.',
    );
  }
}

function compareCounts(expected: Record<string, number>, restored: Record<string, number>): void {
  const differences = Object.entries(expected)
    .filter(([table, rows]) => restored[table] !== rows)
    .map(([table, rows]) => `${table}: ${rows} in the backup, ${restored[table] ?? 'missing'} restored`);
  if (differences.length) throw new BackupError(`The restored database differs from the backup: ${differences.join('; ')}.`);
}

/**
 * Everything that can refuse, before anything is written: the backup's kind and version, each
 * part's checksum, an empty target, and a pg_restore able to read the dump.
 */
async function checkBeforeRestoring(target: Installation, folder: string, manifest: Manifest, force: boolean): Promise<PgTool | null> {
  const kind = target.databaseUrl ? 'postgres' : 'pglite';
  if (manifest.database.kind !== kind) {
    throw new BackupError(
      manifest.database.kind === 'postgres'
        ? 'This backup is of a Postgres database: set DATABASE_URL to the (empty) database to restore it into. Nothing was restored.'
        : 'This backup is of the embedded database: unset DATABASE_URL and set PGLITE_DIR to the (new) folder to restore it into. Nothing was restored.',
    );
  }
  assertNotNewer(manifest);
  const filesPart = partOf(manifest, 'files');
  if (filesPart && target.s3Bucket) {
    throw new BackupError('This backup holds files from local disk, but FILES_S3_BUCKET is set: restore with FILES_DIR instead, then copy the files into the bucket. Nothing was restored.');
  }
  await verifyParts(folder, manifest);
  const restoreTool = target.databaseUrl ? await checkPostgresTarget(target.databaseUrl, manifest, force) : null;
  if (!target.databaseUrl) await checkPgliteTarget(target.pgliteDir, force);
  if (filesPart) await checkFilesTarget(target.filesDir, force);
  return restoreTool;
}

/** The restored audit log says where its history resumes: rows after this one came after the restore. */
async function recordRestore(handle: DatabaseHandle, manifest: Manifest, migration: string | null): Promise<void> {
  await handle.db.transaction(async (tx) => {
    for (const { id } of await tx.select({ id: organizations.id }).from(organizations)) {
      await recordAudit(tx, systemActor, {
        organizationId: id,
        action: RESTORE_AUDIT_ACTION,
        data: { backupCreatedAt: manifest.createdAt, backupAppVersion: manifest.appVersion, migration },
      });
    }
  });
}

/**
 * Restores a backup into an empty installation: checks every part and the target first (so
 * nothing is half-restored), restores the database, then the files, compares the restored rows
 * and files with the manifest, and finally migrates, so an older backup fits this version.
 */
export async function restoreBackup(target: Installation, from: string, options: RestoreOptions, log: (line: string) => void): Promise<RestoreResult> {
  const force = options.force ?? false;
  const backup = await openBackup(from);
  try {
    const manifest = await readManifest(backup.folder);
    log('Checking the backup against its manifest…');
    const restoreTool = await checkBeforeRestoring(target, backup.folder, manifest, force);

    log('Restoring the database…');
    const databaseFile = path.join(backup.folder, partOf(manifest, 'database')!.name);
    let restored: Record<string, number>;
    if (target.databaseUrl) {
      await restorePostgres(target.databaseUrl, databaseFile, force, restoreTool!);
      restored = await countPostgresRows(target.databaseUrl);
    } else {
      restored = await restorePglite(target.pgliteDir, databaseFile, force, log);
    }
    compareCounts(manifest.database.tables, restored);

    const filesPart = partOf(manifest, 'files');
    if (filesPart && manifest.files.store === 'local') {
      log(`Restoring ${manifest.files.count} files into ${target.filesDir}…`);
      await extractFiles(path.join(backup.folder, filesPart.name), target.filesDir, manifest.files);
    } else if (manifest.files.store === 's3') {
      log(`Files were in the S3 bucket ${manifest.files.bucket}: restore the bucket by the store's own means.`);
    }

    log('Bringing the schema up to date…');
    const handle = await openDatabase({ url: target.databaseUrl, dir: target.pgliteDir, migrate: true });
    try {
      const level = await migrationLevel((text) => handle.db.execute(text) as never);
      await recordRestore(handle, manifest, level.latest);
      return { manifest, migration: describeMigration(level) };
    } finally {
      await handle.close();
    }
  } finally {
    await backup.close();
  }
}
