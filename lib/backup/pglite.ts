import fs from 'node:fs/promises';
import path from 'node:path';
import { lockDataDir } from '@/db/pglite-lock';
import { BackupError } from './errors';
import { isEmptyFolder } from './folders';
import { countTableRows, migrationLevel, type RunQuery } from './inspect';
import type { Manifest } from './manifest';

type DatabaseFacts = Manifest['database'];

async function openPglite(dir: string, loadDataDir?: Blob) {
  const { PGlite } = await import('@electric-sql/pglite');
  const client = new PGlite(path.resolve(dir), loadDataDir ? { loadDataDir } : {});
  await client.waitReady;
  const query: RunQuery = (text) => client.query(text) as never;
  return { client, query };
}

/**
 * A consistent copy of the embedded database's folder (PGlite's own `dumpDataDir`, a tar.gz),
 * taken while this process holds the folder: the data-folder lock refuses when the server has it.
 */
export async function dumpPglite(dir: string, file: string): Promise<DatabaseFacts> {
  const release = lockDataDir(dir);
  try {
    if (await isEmptyFolder(dir)) throw new BackupError(`There is no embedded database in ${path.resolve(dir)} to back up.`);
    const { client, query } = await openPglite(dir);
    try {
      const { rows } = await query<{ version: string }>(`select current_setting('server_version') as version`);
      const tables = await countTableRows(query);
      const migration = await migrationLevel(query);
      const archive = await client.dumpDataDir('gzip');
      await fs.writeFile(file, Buffer.from(await archive.arrayBuffer()));
      return { kind: 'pglite', serverVersion: rows[0]!.version, migration, tables };
    } finally {
      await client.close();
    }
  } finally {
    release();
  }
}

/** Refuses before anything is written: a folder in use by the server, or one already holding a database. */
export async function checkPgliteTarget(dir: string, force: boolean): Promise<void> {
  lockDataDir(dir)();
  if (!force && !(await isEmptyFolder(dir))) {
    throw new BackupError(
      `${path.resolve(dir)} already holds an embedded database. Point PGLITE_DIR at a new folder, or add --force ` +
        'to move the existing one aside. Nothing was restored.',
    );
  }
}

/**
 * Loads the copied folder beside `dir` and moves it into place once complete, so a failed load
 * leaves nothing behind. With `force` an existing database is renamed aside
 * (`<dir>.replaced-<time>`), never deleted. Returns the restored rows per table.
 */
export async function restorePglite(dir: string, file: string, force: boolean, log: (line: string) => void): Promise<Record<string, number>> {
  const target = path.resolve(dir);
  const release = lockDataDir(target);
  const loading = `${target}.restoring-${process.pid}`;
  try {
    await fs.rm(loading, { recursive: true, force: true });
    const { client, query } = await openPglite(loading, new Blob([await fs.readFile(file)]));
    let counts: Record<string, number>;
    try {
      counts = await countTableRows(query);
    } finally {
      await client.close();
    }
    if (!(await isEmptyFolder(target))) {
      if (!force) throw new BackupError(`${target} was filled while restoring. Nothing was restored.`);
      const aside = `${target}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await fs.rename(target, aside);
      log(`Moved the existing embedded database aside to ${aside}.`);
    }
    await fs.rm(target, { recursive: true, force: true }); // an empty folder, if any
    await fs.rename(loading, target);
    return counts;
  } finally {
    await fs.rm(loading, { recursive: true, force: true });
    release();
  }
}
