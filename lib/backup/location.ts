import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BackupError } from './errors';
import { MANIFEST_NAME } from './manifest';
import { runTool } from './run-tool';

export const BACKUP_PREFIX = 'xiezuo-backup-';

/** `xiezuo-backup-20261204-190512Z`: sorts by time, so the newest is last and retention is a glob. */
export function backupName(at: Date): string {
  return `${BACKUP_PREFIX}${at.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '').replace('T', '-')}`;
}

const isTarPath = (out: string) => out.endsWith('.tar');

// A backup holds password hashes and every document: only the account that made it may read it.
const PRIVATE_FOLDER = 0o700;
const PRIVATE_FILE = 0o600;

export interface BackupOutput {
  /** Where the parts are written meanwhile. */
  staging: string;
  /** Moves the finished backup to its place (a half-written one never carries the final name) and says where. */
  finish(): Promise<string>;
  discard(): Promise<void>;
}

/**
 * `--out` is a folder (a dated backup folder is made inside it) or a `.tar` file (the parts in
 * one archive, to copy elsewhere as one file).
 */
export async function prepareOutput(out: string, at: Date): Promise<BackupOutput> {
  if (isTarPath(out)) {
    const final = path.resolve(out);
    if (await fs.stat(final).catch(() => null)) throw new BackupError(`${final} already exists; choose a new name.`);
    await fs.mkdir(path.dirname(final), { recursive: true });
    const staging = `${final}.partial`;
    await fs.rm(staging, { recursive: true, force: true });
    await fs.mkdir(staging, { mode: PRIVATE_FOLDER });
    return {
      staging,
      async finish() {
        const packing = `${final}.partial.tar`;
        // Made private before tar writes to it, so the archive is never readable by others, not even briefly.
        await fs.rm(packing, { force: true });
        await fs.writeFile(packing, '', { mode: PRIVATE_FILE });
        await runTool('tar', ['--create', `--file=${packing}`, `--directory=${staging}`, '.']);
        await fs.rename(packing, final);
        await fs.rm(staging, { recursive: true, force: true });
        return final;
      },
      discard: () => fs.rm(staging, { recursive: true, force: true }),
    };
  }
  const parent = path.resolve(out);
  const existing = await fs.stat(parent).catch(() => null);
  if (existing && !existing.isDirectory()) throw new BackupError(`${parent} is a file: give a folder, or a name ending in .tar.`);
  const final = path.join(parent, backupName(at));
  if (await fs.stat(final).catch(() => null)) throw new BackupError(`${final} already exists; wait a second and try again.`);
  const staging = `${final}.partial`;
  await fs.mkdir(parent, { recursive: true });
  await fs.mkdir(staging, { mode: PRIVATE_FOLDER });
  return {
    staging,
    async finish() {
      await fs.rename(staging, final);
      return final;
    },
    discard: () => fs.rm(staging, { recursive: true, force: true }),
  };
}

export interface OpenedBackup {
  folder: string;
  close(): Promise<void>;
}

/** `--from`: a backup folder, or a `.tar` made by `backup --out x.tar` (unpacked into a temporary folder). */
export async function openBackup(from: string): Promise<OpenedBackup> {
  const source = path.resolve(from);
  const stats = await fs.stat(source).catch(() => null);
  if (!stats) throw new BackupError(`${source} does not exist.`);
  if (stats.isDirectory()) {
    if (!(await fs.stat(path.join(source, MANIFEST_NAME)).catch(() => null))) {
      const backups = (await fs.readdir(source)).filter((name) => name.startsWith(BACKUP_PREFIX) && !name.endsWith('.partial')).sort();
      const hint = backups.length ? ` The newest backup in it is ${path.join(source, backups.at(-1)!)}.` : '';
      throw new BackupError(`${source} has no ${MANIFEST_NAME}: it is not a Xiezuo backup.${hint}`);
    }
    return { folder: source, close: async () => {} };
  }
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'xiezuo-restore-'));
  const close = () => fs.rm(folder, { recursive: true, force: true });
  try {
    await runTool('tar', ['--extract', `--file=${source}`, `--directory=${folder}`, '--no-same-owner']);
  } catch (error) {
    await close();
    throw error instanceof BackupError ? new BackupError(`${source} is not a readable backup archive: ${error.message}`) : error;
  }
  return { folder, close };
}
