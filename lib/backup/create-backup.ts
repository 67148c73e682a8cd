import path from 'node:path';
import { appVersion } from '@/lib/version';
import { archiveFiles } from './file-archive';
import { describePart, writeManifest, BACKUP_FORMAT, type Manifest, type ManifestPart } from './manifest';
import { prepareOutput } from './location';
import { dumpPglite } from './pglite';
import { dumpPostgres } from './postgres';
import type { Installation } from './target';

export const DATABASE_PART = { postgres: 'database.dump', pglite: 'pglite-data.tar.gz' } as const;
export const FILES_PART = 'files.tar.gz';

export interface BackupResult {
  location: string;
  manifest: Manifest;
}

/**
 * Backs up the database (pg_dump, or a copy of the embedded folder), then the local file store,
 * then writes the manifest with each part's size and sha256.
 */
export async function createBackup(source: Installation, out: string, log: (line: string) => void, now = new Date()): Promise<BackupResult> {
  const output = await prepareOutput(out, now);
  try {
    const kind = source.databaseUrl ? 'postgres' : 'pglite';
    const databasePart = DATABASE_PART[kind];
    const databaseFile = path.join(output.staging, databasePart);
    log(kind === 'postgres' ? 'Dumping the Postgres database (pg_dump)…' : `Copying the embedded database in ${source.pgliteDir}…`);
    const database = source.databaseUrl ? await dumpPostgres(source.databaseUrl, databaseFile) : await dumpPglite(source.pgliteDir, databaseFile);
    const parts: ManifestPart[] = [await describePart(output.staging, databasePart, 'database')];

    let files: Manifest['files'];
    if (source.s3Bucket) {
      files = { store: 's3', bucket: source.s3Bucket };
      log(`Files are in the S3 bucket ${source.s3Bucket}: back the bucket up by the store's own means (versioning, replication, mirroring).`);
    } else {
      log(`Archiving the files in ${source.filesDir}…`);
      const tree = await archiveFiles(source.filesDir, path.join(output.staging, FILES_PART));
      files = { store: 'local', count: tree.paths.length, bytes: tree.bytes };
      parts.push(await describePart(output.staging, FILES_PART, 'files'));
    }

    const manifest: Manifest = { format: BACKUP_FORMAT, appVersion, createdAt: now.toISOString(), database, files, parts };
    await writeManifest(output.staging, manifest);
    return { location: await output.finish(), manifest };
  } catch (error) {
    await output.discard();
    throw error;
  }
}
