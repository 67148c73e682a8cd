import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeDatabase, getDb, openDatabase, setDatabaseHandle, type DatabaseHandle } from '@/db/client';
import { channels, fileVersions } from '@/db/schema';
import { userActor } from '@/lib/auth/actor';
import { postMessage } from '@/lib/chat/post-message';
import { uploadFile } from '@/lib/files/upload';
import { seedDemo } from '@/lib/org/demo-seed';
import { createThrowawayDatabase } from '../support/throwaway-postgres';
import { seedSpace, seedTask } from './support/factories';

// This file's own files folder, set before lib/env is first imported: the shared test folder
// gets uploads from other files running at the same time, which would land in the backup.
const root = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR || '/tmp'}/xiezuo-backup-test-${process.pid}-${Date.now()}`;
  process.env.FILES_DIR = `${dir}/files-seeded`;
  return dir;
});
const seededFiles = path.join(root, 'files-seeded');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const adminUrl = process.env.DATABASE_URL;
const FILE_BYTES = Buffer.from('项目计划书 v1\n'.repeat(200), 'utf8');
// Tables whose whole contents must come back identical, beyond the row counts of every table;
// the restore adds one audit row of its own per organisation.
const CHECKSUMMED: Record<string, string> = Object.fromEntries(
  ['organizations', 'departments', 'users', 'spaces', 'space_members', 'tasks', 'channels', 'messages', 'files', 'file_versions'].map((table) => [table, 'true']),
);
CHECKSUMMED.audit_events = `action <> 'system.restore'`;

interface Target {
  url?: string;
  dir?: string;
  files: string;
}

/** Runs `npm run cli -- …` as an operator would, against one installation. */
function runCli(args: string[], target: Target, extraEnv: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, FILES_DIR: target.files };
  delete env.DATABASE_URL;
  delete env.FILES_S3_BUCKET;
  Object.assign(env, extraEnv);
  if (target.url) env.DATABASE_URL = target.url;
  if (target.dir) env.PGLITE_DIR = target.dir;
  const result = spawnSync(path.resolve('node_modules/.bin/tsx'), ['lib/cli/main.ts', ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

/** The demo company plus a space with tasks, a chat message and an uploaded file. */
async function seedContent(): Promise<void> {
  expect((await seedDemo()).seeded).toBe(true);
  const seeded = await seedSpace({ name: '新品发布' });
  await seedTask(seeded, { name: '确认包装设计' });
  await seedTask(seeded, { name: '渠道铺货' });
  const [channel] = await (await getDb()).select().from(channels).where(eq(channels.spaceId, seeded.space.id));
  await postMessage(userActor(seeded.admin), channel!.id, { body: '大家周五前确认排期 **重要**' });
  await uploadFile(userActor(seeded.participant), seeded.space.id, { name: '项目计划书.txt' }, new Blob([FILE_BYTES]).stream());
}

type Rows<Row> = { rows: Row[] };

async function withHandle<T>(target: Target, task: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ url: target.url, dir: target.dir, migrate: false });
  try {
    return await task(handle);
  } finally {
    await handle.close();
  }
}

/** Row counts of every table and a checksum of the chosen tables' rows, read independently of the backup code. */
async function contentsOf(target: Target) {
  return withHandle(target, async ({ db }) => {
    const rowsOf = async <Row>(text: string) => ((await db.execute(sql.raw(text))) as unknown as Rows<Row>).rows;
    const tables = await rowsOf<{ name: string }>(
      `select table_schema || '.' || table_name as name from information_schema.tables
       where table_type = 'BASE TABLE' and table_schema in ('public', 'drizzle') order by 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) counts[name] = (await rowsOf<{ n: number }>(`select count(*)::int as n from ${name}`))[0]!.n;
    const checksums: Record<string, string> = {};
    for (const [table, where] of Object.entries(CHECKSUMMED)) {
      const text = `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum from public.${table} t where ${where}`;
      checksums[table] = (await rowsOf<{ sum: string }>(text))[0]!.sum;
    }
    const restores = await rowsOf<{ data: { backupCreatedAt: string } }>(`select data from public.audit_events where action = 'system.restore'`);
    const [version] = await db.select({ key: fileVersions.storageKey }).from(fileVersions);
    return { counts, checksums, restores, fileKey: version!.key };
  });
}

async function tableCount(target: Target): Promise<number> {
  return withHandle(target, async ({ db }) => {
    const { rows } = (await db.execute(sql.raw(`select count(*)::int as n from information_schema.tables where table_schema in ('public', 'drizzle')`))) as unknown as Rows<{ n: number }>;
    return rows[0]!.n;
  });
}

function onlyBackupIn(folder: string): string {
  const names = fs.readdirSync(folder);
  expect(names).toHaveLength(1);
  expect(names[0]).toMatch(/^xiezuo-backup-\d{8}-\d{6}Z$/);
  return path.join(folder, names[0]!);
}

/** A copy of the backup with one byte of a part changed. */
function corruptedCopy(backup: string, part: string): string {
  const copy = path.join(root, `corrupted-${part}`);
  fs.cpSync(backup, copy, { recursive: true });
  const file = path.join(copy, part);
  const bytes = fs.readFileSync(file);
  bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
  fs.writeFileSync(file, bytes);
  return copy;
}

/** The round trip both database kinds must pass: seeded source → backup → empty target. */
function roundTrip(kind: string, source: () => Target, emptyTarget: () => Promise<Target>, isUntouched: (target: Target) => Promise<void>) {
  let backup: string;
  let restored: Target;

  it(`backs up a seeded ${kind} installation with a manifest of every part`, () => {
    const result = runCli(['backup', '--out', path.join(root, 'backups')], source());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    backup = onlyBackupIn(path.join(root, 'backups'));
    expect(result.stdout).toContain(`Backup written to ${backup}`);
    // The dump holds password hashes and every document: only the owner may read the backup.
    expect(fs.statSync(backup).mode & 0o077).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(backup, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'xiezuo-backup/1', appVersion: expect.any(String), files: { store: 'local', count: 1, bytes: FILE_BYTES.length } });
    expect(manifest.database.migration.latest).toMatch(/^\d{4}_/);
    expect(manifest.database.tables['public.users']).toBeGreaterThan(30);
    for (const part of manifest.parts) {
      expect(fs.statSync(path.join(backup, part.name)).size).toBe(part.bytes);
      expect(part.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('restores into an empty database and files folder with every row and the file’s bytes', async () => {
    restored = await emptyTarget();
    const result = runCli(['restore', '--from', backup, '--yes'], restored);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('checksums and row counts match');

    const before = await contentsOf(source());
    const after = await contentsOf(restored);
    expect(Object.keys(after.counts).length).toBeGreaterThan(40);
    const organizations = before.counts['public.organizations']!;
    expect(after.counts).toEqual({ ...before.counts, 'public.audit_events': before.counts['public.audit_events']! + organizations });
    expect(after.checksums).toEqual(before.checksums);
    const manifest = JSON.parse(fs.readFileSync(path.join(backup, 'manifest.json'), 'utf8'));
    expect(after.restores).toEqual(Array(organizations).fill({ data: expect.objectContaining({ backupCreatedAt: manifest.createdAt }) }));
    expect(before.counts['public.tasks']).toBeGreaterThanOrEqual(2);
    expect(before.counts['public.messages']).toBeGreaterThanOrEqual(1);
    expect(fs.readFileSync(path.join(restored.files, after.fileKey))).toEqual(FILE_BYTES);
  });

  it('refuses to restore into a database that is not empty', async () => {
    const before = await tableCount(restored);
    const result = runCli(['restore', '--from', backup, '--yes'], { ...restored, files: path.join(root, 'files-unused') });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is not empty|already holds an embedded database/);
    expect(result.stderr).toContain('Nothing was restored');
    expect(await tableCount(restored)).toBe(before);
    expect(fs.existsSync(path.join(root, 'files-unused'))).toBe(false);
  });

  it('refuses to restore without --yes when there is no terminal to ask on', async () => {
    const target = await emptyTarget();
    const result = runCli(['restore', '--from', backup], target);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Add --yes to confirm');
    await isUntouched(target);
  });

  for (const part of ['files.tar.gz', kind === 'Postgres' ? 'database.dump' : 'pglite-data.tar.gz']) {
    it(`detects a corrupted ${part} by the manifest and restores nothing`, async () => {
      const target = await emptyTarget();
      const result = runCli(['restore', '--from', corruptedCopy(backup, part), '--yes'], target);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`The backup part ${part} does not match its checksum in the manifest`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      await isUntouched(target);
      expect(fs.existsSync(target.files)).toBe(false);
    });
  }

  it('also writes and reads the backup as one .tar file', async () => {
    const archive = path.join(root, 'single', 'backup.tar');
    expect(runCli(['backup', '--out', archive], source()).code).toBe(0);
    expect(fs.statSync(archive).isFile()).toBe(true);
    expect(fs.statSync(archive).mode & 0o077).toBe(0);
    const target = await emptyTarget();
    const result = runCli(['restore', '--from', archive, '--yes'], target);
    expect(result.stderr).toBe('');
    // The command compares the restored rows with the manifest; the round trip above compared contents.
    expect(result.stdout).toContain('checksums and row counts match');
    expect(fs.readdirSync(target.files)).toEqual(['files']);
  });
}

// Each test runs the CLI once or twice, a few seconds each on an idle machine: room for a busy one.
const SLOW = { timeout: 180_000 };

describe.runIf(adminUrl)('backup and restore on Postgres', SLOW, () => {
  const drops: (() => Promise<void>)[] = [];
  let sourceUrl: string;
  const newDatabase = async (prefix: string) => {
    const database = await createThrowawayDatabase(adminUrl!, prefix);
    drops.push(database.drop);
    return database.url;
  };

  beforeAll(async () => {
    sourceUrl = await newDatabase('xiezuo_backup_source');
    setDatabaseHandle(await openDatabase({ url: sourceUrl }));
    await seedContent();
    await closeDatabase();
  });
  afterAll(async () => {
    for (const drop of drops) await drop();
  });

  let targets = 0;
  roundTrip(
    'Postgres',
    () => ({ url: sourceUrl, files: seededFiles }),
    async () => ({ url: await newDatabase('xiezuo_backup_target'), files: path.join(root, `files-restored-${++targets}`) }),
    async (target) => expect(await tableCount(target)).toBe(0),
  );

  it('leaves files kept in an S3 bucket to the store, and says so', () => {
    const out = path.join(root, 's3-backups');
    const result = runCli(['backup', '--out', out], { url: sourceUrl, files: seededFiles }, { FILES_S3_BUCKET: 'xiezuo-files' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Files are in the S3 bucket xiezuo-files: back the bucket up by the store's own means");
    const manifest = JSON.parse(fs.readFileSync(path.join(onlyBackupIn(out), 'manifest.json'), 'utf8'));
    expect(manifest.files).toEqual({ store: 's3', bucket: 'xiezuo-files' });
    expect(manifest.parts.map((part: { name: string }) => part.name)).toEqual(['database.dump']);
  });

  it('restores a backup of an older schema and migrates it to this version', async () => {
    // A database as an older release left it: every migration but the newest.
    const oldUrl = await newDatabase('xiezuo_backup_old');
    const migrations = path.join(root, 'old-migrations');
    fs.cpSync('db/migrations', migrations, { recursive: true });
    const journalFile = path.join(migrations, 'meta/_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
    const newest = journal.entries.pop();
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    const pg = (await import('pg')).default;
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    const client = new pg.Client({ connectionString: oldUrl });
    await client.connect();
    try {
      await migrate(drizzle({ client }), { migrationsFolder: migrations });
      await client.query(`insert into organizations (id, name) values (gen_random_uuid(), '旧版公司')`);
    } finally {
      await client.end();
    }

    const old = { url: oldUrl, files: path.join(root, 'files-old') };
    const out = path.join(root, 'old-backups');
    expect(runCli(['backup', '--out', out], old).stdout).toContain(`schema ${journal.entries.at(-1).tag}`);
    const target = { url: await newDatabase('xiezuo_backup_upgraded'), files: path.join(root, 'files-upgraded') };
    const result = runCli(['restore', '--from', onlyBackupIn(out), '--yes'], target);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`schema now ${newest.tag}`);
    await withHandle(target, async ({ db }) => {
      const { rows } = (await db.execute(sql`select name from organizations`)) as unknown as Rows<{ name: string }>;
      expect(rows).toEqual([{ name: '旧版公司' }]);
      const applied = (await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)) as unknown as Rows<{ n: number }>;
      expect(applied.rows[0]!.n).toBe(journal.entries.length + 1);
    });
  });
});

describe.runIf(!adminUrl)('backup and restore on the embedded database', SLOW, () => {
  const sourceDir = path.join(root, 'pglite-source');
  let targets = 0;

  beforeAll(async () => {
    setDatabaseHandle(await openDatabase({ dir: sourceDir }));
    await seedContent();
    await closeDatabase();
  });

  roundTrip(
    'PGlite',
    () => ({ dir: sourceDir, files: seededFiles }),
    async () => {
      targets += 1;
      return { dir: path.join(root, `pglite-restored-${targets}`), files: path.join(root, `files-restored-${targets}`) };
    },
    async (target) => expect(fs.existsSync(target.dir!)).toBe(false),
  );

  it('refuses to copy the embedded database while another process holds its folder', () => {
    // This test process is alive: its pid in the lock file stands for a running server.
    fs.writeFileSync(`${sourceDir}.lock`, String(process.pid));
    try {
      const result = runCli(['backup', '--out', path.join(root, 'refused')], { dir: sourceDir, files: seededFiles });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`is in use by process ${process.pid}`);
      expect(result.stderr).toContain('Stop that process first');
      expect(fs.readdirSync(path.join(root, 'refused'))).toEqual([]); // no half-written backup
    } finally {
      fs.rmSync(`${sourceDir}.lock`, { force: true });
    }
  });
});
