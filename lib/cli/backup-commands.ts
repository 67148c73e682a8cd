import readline from 'node:readline/promises';
import type { Command } from 'commander';
import { createBackup } from '@/lib/backup/create-backup';
import { BackupError } from '@/lib/backup/errors';
import { describeMigration } from '@/lib/backup/inspect';
import { restoreBackup } from '@/lib/backup/restore-backup';
import { describeInstallation, type Installation } from '@/lib/backup/target';
import { env } from '@/lib/env';
import { explainFailure } from './run';

function installation(): Installation {
  return { databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR, filesDir: env.FILES_DIR, s3Bucket: env.FILES_S3_BUCKET };
}

const megabytes = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;

/** Runs a backup or restore, printing an expected failure as one sentence and exiting non-zero. */
async function runReported(task: () => Promise<void>): Promise<void> {
  try {
    await task();
  } catch (error) {
    console.error(`Error: ${error instanceof BackupError ? error.message : explainFailure(error)}`);
    process.exitCode = 1;
  }
}

/** Restoring writes into the configured installation: asked on a terminal, `--yes` in scripts. */
async function confirmed(question: string, yes: boolean): Promise<boolean> {
  if (yes) return true;
  if (!process.stdin.isTTY) {
    console.error(`Error: ${question} Add --yes to confirm (there is no terminal to ask on).`);
    return false;
  }
  const prompt = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^(y|yes)$/i.test((await prompt.question(`${question} [y/N] `)).trim());
  } finally {
    prompt.close();
  }
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('back up the database and the local files folder, with a manifest of sizes and sha256 checksums')
    .requiredOption('--out <path>', 'a folder (a dated xiezuo-backup-… folder is made inside it) or a file name ending in .tar')
    .action((options: { out: string }) =>
      runReported(async () => {
        const source = installation();
        console.log(`Backing up ${describeInstallation(source)}.`);
        const { location, manifest } = await createBackup(source, options.out, (line) => console.log(line));
        const parts = manifest.parts.map((part) => `${part.name} ${megabytes(part.bytes)}`).join(', ');
        const files = manifest.files.store === 'local' ? `, ${manifest.files.count} files` : '';
        console.log(`Backup written to ${location} (${parts}${files}; schema ${describeMigration(manifest.database.migration)}).`);
      }),
    );

  program
    .command('restore')
    .description('restore a backup into an empty database and files folder, check it against its manifest, then migrate')
    .requiredOption('--from <path>', 'a backup folder, or a .tar made by backup --out')
    .option('--yes', 'do not ask for confirmation')
    .option('--force', 'restore also into a database or files folder that is not empty')
    .action((options: { from: string; yes?: boolean; force?: boolean }) =>
      runReported(async () => {
        const target = installation();
        const question = `Restore ${options.from} into ${describeInstallation(target)}${options.force ? ', replacing what is there' : ''}?`;
        if (!(await confirmed(question, options.yes ?? false))) {
          process.exitCode = 1;
          return;
        }
        const { manifest, migration } = await restoreBackup(target, options.from, { force: options.force }, (line) => console.log(line));
        console.log(
          `Restored the backup of ${manifest.createdAt} (Xiezuo ${manifest.appVersion}); checksums and row counts match; schema now ${migration}.`,
        );
      }),
    );
}
