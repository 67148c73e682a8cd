import pg from 'pg';
import { BackupError } from './errors';
import { countTableRows, isEmptyDatabase, migrationLevel, type RunQuery } from './inspect';
import type { Manifest } from './manifest';
import { describePostgresUrl, libpqConnection, requirePgTool, type PgTool } from './pg-tools';
import { runTool } from './run-tool';

type DatabaseFacts = Manifest['database'];

async function withClient<T>(url: string, task: (client: pg.Client, query: RunQuery) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`Cannot connect to ${describePostgresUrl(url)}: ${(error as Error).message}`);
  }
  try {
    return await task(client, (text) => client.query(text) as never);
  } finally {
    await client.end().catch(() => {});
  }
}

async function serverVersion(query: RunQuery): Promise<{ version: string; major: number }> {
  const { rows } = await query<{ server_version: string; server_version_num: string }>(
    `select current_setting('server_version') as server_version, current_setting('server_version_num') as server_version_num`,
  );
  return { version: rows[0]!.server_version.split(' ')[0]!, major: Math.floor(Number(rows[0]!.server_version_num) / 10_000) };
}

/**
 * `pg_dump -Fc` of the database into `file`. The row counts for the manifest are read in a
 * transaction whose snapshot pg_dump then uses, so they describe exactly what was dumped even
 * while the app keeps writing.
 */
export async function dumpPostgres(url: string, file: string): Promise<DatabaseFacts> {
  return withClient(url, async (client, query) => {
    const server = await serverVersion(query);
    const tool = requirePgTool('pg_dump', server.major, 'The Postgres server');
    await client.query('begin transaction isolation level repeatable read read only');
    const { rows } = await client.query<{ snapshot: string }>('select pg_export_snapshot() as snapshot');
    const tables = await countTableRows(query);
    const migration = await migrationLevel(query);
    const connection = libpqConnection(url);
    await runTool(
      tool.path,
      ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${rows[0]!.snapshot}`, `--file=${file}`, `--dbname=${connection.dbname}`],
      connection.env,
    );
    await client.query('commit');
    return { kind: 'postgres', serverVersion: server.version, dumpTool: tool.version, migration, tables };
  });
}

/** Refuses before anything is written: a non-empty target (unless forced), or no pg_restore able to read the dump. */
export async function checkPostgresTarget(url: string, manifest: Manifest, force: boolean): Promise<PgTool> {
  const dumpMajor = Number((manifest.database.dumpTool ?? '0').split('.')[0]);
  const tool = requirePgTool('pg_restore', dumpMajor, 'The backup was written by pg_dump, which');
  return withClient(url, async (_client, query) => {
    if (!force && !(await isEmptyDatabase(query))) {
      throw new BackupError(
        `${describePostgresUrl(url)} is not empty. Restore into a new database (createdb …), or add --force to replace ` +
          'the objects the backup contains. Nothing was restored.',
      );
    }
    return tool;
  });
}

/**
 * `pg_restore` in one transaction that stops at the first error, so a failed restore leaves
 * the target as it was. With `force`, objects of the same names are dropped first.
 */
export async function restorePostgres(url: string, file: string, force: boolean, tool: PgTool): Promise<void> {
  const connection = libpqConnection(url);
  const replace = force ? ['--clean', '--if-exists'] : [];
  await runTool(
    tool.path,
    ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', ...replace, `--dbname=${connection.dbname}`, file],
    connection.env,
  );
}

export async function countPostgresRows(url: string): Promise<Record<string, number>> {
  return withClient(url, (_client, query) => countTableRows(query));
}
