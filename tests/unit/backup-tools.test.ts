import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BackupError } from '@/lib/backup/errors';
import { extractFiles } from '@/lib/backup/file-archive';
import { backupName } from '@/lib/backup/location';
import { readManifest } from '@/lib/backup/manifest';
import { findPgTools, libpqConnection, parseToolVersion, pickPgTool, type PgTool } from '@/lib/backup/pg-tools';

const tool = (major: number, minor = 1): PgTool => ({ path: `/usr/lib/postgresql/${major}/bin/pg_dump`, version: `${major}.${minor}`, major });

describe('finding pg_dump and pg_restore', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'xiezuo-pg-tools-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('reads the version the tools print', () => {
    expect(parseToolVersion('pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)\n')).toEqual({ version: '15.20', major: 15 });
    expect(parseToolVersion('pg_restore (PostgreSQL) 17.2\n')).toEqual({ version: '17.2', major: 17 });
    expect(parseToolVersion('pg_dump (PostgreSQL) 18devel')).toEqual({ version: '18', major: 18 });
    expect(parseToolVersion('command not found')).toBeNull();
  });

  it('finds every version installed side by side under the Debian folder', () => {
    for (const major of ['13', '17']) {
      const bin = path.join(root, major, 'bin');
      fs.mkdirSync(bin, { recursive: true });
      fs.writeFileSync(path.join(bin, 'pg_dump'), `#!/bin/sh\necho "pg_dump (PostgreSQL) ${major}.4"\n`, { mode: 0o755 });
    }
    const found = findPgTools('pg_dump', root).filter((candidate) => candidate.path.startsWith(root));
    expect(found.map((candidate) => candidate.version).sort()).toEqual(['13.4', '17.4']);
  });

  it('picks the newest tool that can handle the server', () => {
    expect(pickPgTool('pg_dump', [tool(13), tool(17), tool(15)], 15, 'The Postgres server').major).toBe(17);
  });

  it('refuses plainly when the server is newer than every pg_dump', () => {
    expect(() => pickPgTool('pg_dump', [tool(15, 20)], 17, 'The Postgres server')).toThrowError(
      /The Postgres server is version 17, but the newest pg_dump here is 15\.20 .* Install postgresql-client-17/,
    );
  });

  it('says how to install the client when there is none', () => {
    expect(() => pickPgTool('pg_restore', [], 16, 'x')).toThrowError(BackupError);
    expect(() => pickPgTool('pg_restore', [], 16, 'x')).toThrowError(/pg_restore was not found .* apt-get install postgresql-client-16/);
  });
});

describe('connecting the tools', () => {
  it('passes the password in the environment, never in the arguments', () => {
    const { dbname, env } = libpqConnection('postgres://xiezuo:p%40ss%3Aw0rd@db.internal:5433/xiezuo?sslmode=require');
    expect(dbname).toBe('postgres://xiezuo@db.internal:5433/xiezuo?sslmode=require');
    expect(env).toEqual({ PGPASSWORD: 'p@ss:w0rd' });
    expect(libpqConnection('postgres://postgres@127.0.0.1/test').env).toEqual({});
  });
});

describe('backup names', () => {
  it('sort by time and carry no characters a shell or Windows share dislikes', () => {
    expect(backupName(new Date('2026-12-04T19:05:12.345Z'))).toBe('xiezuo-backup-20261204-190512Z');
  });
});

describe('unpacking the files archive', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'xiezuo-files-archive-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('refuses an archive holding a link, and leaves the files folder untouched', async () => {
    const packed = path.join(root, 'packed');
    fs.mkdirSync(path.join(packed, 'ab'), { recursive: true });
    fs.writeFileSync(path.join(packed, 'ab', 'real'), 'hello');
    fs.symlinkSync('/etc/passwd', path.join(packed, 'ab', 'link'));
    const archive = path.join(root, 'files.tar.gz');
    execFileSync('tar', ['--create', '--gzip', `--file=${archive}`, `--directory=${packed}`, 'ab']);
    const store = path.join(root, 'store');

    const restoring = extractFiles(archive, store, { count: 1, bytes: 5 });
    await expect(restoring).rejects.toThrow(BackupError);
    await expect(restoring).rejects.toThrow(/ab\/link/);
    expect(fs.existsSync(store)).toBe(false);
    expect(fs.readdirSync(root).filter((name) => name.includes('.restoring-'))).toEqual([]);
  });
});

describe('reading a backup manifest', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'xiezuo-manifest-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const part = (name: string, role: 'database' | 'files') => ({ name, role, bytes: 1, sha256: 'a'.repeat(64) });
  const manifest = (parts: unknown[], files: unknown = { store: 'local', count: 0, bytes: 0 }) => ({
    format: 'xiezuo-backup/1', appVersion: '1.0.0', createdAt: '2026-12-04T19:00:00.000Z',
    database: { kind: 'pglite', serverVersion: '17.4', migration: { applied: 1, latest: null, latestWhen: null }, tables: {} },
    files, parts,
  });
  const folderWith = (name: string, content: unknown) => {
    const folder = path.join(root, name);
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify(content));
    return folder;
  };

  it('accepts a database part with the local files part, or with files left in S3', async () => {
    await expect(readManifest(folderWith('local', manifest([part('pglite-data.tar.gz', 'database'), part('files.tar.gz', 'files')])))).resolves.toBeTruthy();
    await expect(readManifest(folderWith('s3', manifest([part('database.dump', 'database')], { store: 's3', bucket: 'b' })))).resolves.toBeTruthy();
  });

  it('refuses a manifest without its database part, or with local files but no files part, as not a backup', async () => {
    await expect(readManifest(folderWith('no-database', manifest([part('files.tar.gz', 'files')])))).rejects.toThrow(BackupError);
    await expect(readManifest(folderWith('two-databases', manifest([part('a.dump', 'database'), part('b.dump', 'database'), part('files.tar.gz', 'files')]))))
      .rejects.toThrow(BackupError);
    await expect(readManifest(folderWith('no-files', manifest([part('database.dump', 'database')])))).rejects.toThrow(/files/);
  });
});
