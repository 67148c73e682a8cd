import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BackupError } from './errors';
import { isEmptyFolder } from './folders';
import { runTool } from './run-tool';

export interface FileTree {
  /** Paths relative to the root, '/'-separated. */
  paths: string[];
  bytes: number;
}

// Uploads stream into `<key>.<random>.tmp` and are renamed when complete: a half-written upload
// is not a file yet.
const isPartialUpload = (name: string) => name.endsWith('.tmp');

/**
 * Every file under `root` (none when it does not exist), with their total size. With
 * `refuseOthers` a link or device is an error: unpacked from an archive into the file store, a
 * link would let a download read any file the server can.
 */
export async function listFiles(root: string, options: { refuseOthers?: boolean } = {}): Promise<FileTree> {
  const tree: FileTree = { paths: [], bytes: 0 };
  const walk = async (relative: string): Promise<void> => {
    const entries = await fs.readdir(path.join(root, relative), { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' && !relative) return [];
      throw error;
    });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile() && !isPartialUpload(entry.name)) {
        tree.paths.push(child);
        tree.bytes += (await fs.stat(path.join(root, child))).size;
      } else if (options.refuseOthers && !entry.isFile()) {
        throw new BackupError(`The files archive holds ${child}, which is not a plain file (a link or a device). Nothing was restored.`);
      }
    }
  };
  await walk('');
  return tree;
}

/**
 * The file store's folder as a tar.gz. The archive holds exactly the files listed first, so the
 * manifest's count and size describe it; taken after the database dump, every file the dump
 * refers to is already there.
 */
export async function archiveFiles(root: string, file: string): Promise<FileTree> {
  const tree = await listFiles(root);
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'xiezuo-backup-'));
  try {
    const list = path.join(scratch, 'files.list');
    await fs.writeFile(list, tree.paths.map((entry) => `${entry}\0`).join(''));
    const base = tree.paths.length ? path.resolve(root) : scratch;
    await runTool('tar', ['--create', '--gzip', `--file=${path.resolve(file)}`, `--directory=${base}`, '--null', `--files-from=${list}`]);
    return tree;
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

/** Refuses before anything is written when the files folder already has files (unless forced). */
export async function checkFilesTarget(root: string, force: boolean): Promise<void> {
  if (!force && !(await isEmptyFolder(root))) {
    throw new BackupError(`The files folder ${path.resolve(root)} (FILES_DIR) is not empty. Use an empty one, or add --force to add the backup's files to it. Nothing was restored.`);
  }
}

/** Moves every file of `from` into `to`, creating folders as needed (files are stored under unique keys). */
async function mergeInto(from: string, to: string): Promise<void> {
  for (const relative of (await listFiles(from)).paths) {
    const target = path.join(to, relative);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.rename(path.join(from, relative), target);
  }
}

/**
 * Unpacks the archive beside `root`, checks what came out against the manifest's count and size,
 * then moves it into place. Returns what was restored.
 */
export async function extractFiles(file: string, root: string, expected: { count: number; bytes: number }): Promise<FileTree> {
  const target = path.resolve(root);
  const unpacking = `${target}.restoring-${randomBytes(4).toString('hex')}`;
  await fs.mkdir(unpacking, { recursive: true });
  try {
    await runTool('tar', ['--extract', '--gzip', `--file=${path.resolve(file)}`, `--directory=${unpacking}`, '--no-same-owner']);
    const tree = await listFiles(unpacking, { refuseOthers: true });
    if (tree.paths.length !== expected.count || tree.bytes !== expected.bytes) {
      throw new BackupError(
        `The files archive holds ${tree.paths.length} files (${tree.bytes} bytes) but the manifest lists ${expected.count} (${expected.bytes} bytes).`,
      );
    }
    if (await isEmptyFolder(target)) {
      await fs.rm(target, { recursive: true, force: true });
      await fs.rename(unpacking, target);
    } else {
      await mergeInto(unpacking, target);
    }
    return tree;
  } finally {
    await fs.rm(unpacking, { recursive: true, force: true });
  }
}
