import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Command } from 'commander';
import { env } from '@/lib/env';
import { DEMO_ADMIN_EMAIL } from '@/lib/org/demo-data';
import { seedDemo } from '@/lib/org/demo-seed';
import { findUserByEmail } from '@/lib/org/queries';
import { printDemoSignIn } from './database-commands';
import { describeDatabase, withDatabase } from './run';

const require = createRequire(import.meta.url);
const SOURCE_DIRS = ['app', 'components', 'lib', 'db', 'public'];
const SOURCE_FILES = ['next.config.mjs', 'package.json', 'postcss.config.mjs', 'tsconfig.json'];

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((newest, child) => Math.max(newest, newestMtime(path.join(entry, child))), stat.mtimeMs);
}

/** A production build is needed when there is none or a source file changed after it. */
function buildIsStale(root: string): boolean {
  const buildId = fs.statSync(path.join(root, '.next/BUILD_ID'), { throwIfNoEntry: false });
  if (!buildId) return true;
  const sources = [...SOURCE_DIRS, ...SOURCE_FILES].map((entry) => newestMtime(path.join(root, entry)));
  return Math.max(...sources) > buildId.mtimeMs;
}

/** Runs `next build` when the build is missing or stale; returns false when the build failed. */
function buildWhenNeeded(root: string, nextBin: string): boolean {
  if (!buildIsStale(root)) return true;
  console.log('Building the app (first start or changed sources)…');
  const build = spawnSync(process.execPath, [nextBin, 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (build.status === 0) return true;
  process.exitCode = build.status ?? 1;
  return false;
}

export function registerServerCommands(program: Command): void {
  program
    .command('build')
    .description('build the app for production when the build is missing or older than the sources')
    .action(() => {
      buildWhenNeeded(process.cwd(), require.resolve('next/dist/bin/next'));
    });

  program
    .command('start')
    .description('build when needed, prepare the database (demo data on first start) and run the server')
    .option('--no-build', 'never build, even when the build is missing or stale')
    .action(async (options: { build: boolean }) => {
      const root = process.cwd();
      const nextBin = require.resolve('next/dist/bin/next');
      if (options.build && !buildWhenNeeded(root, nextBin)) return;

      await withDatabase(async (handle) => {
        console.log(`Database: ${describeDatabase(handle)}, schema up to date.`);
        if (handle.kind === 'pglite' && env.SEED_DEMO) {
          const result = await seedDemo();
          if (result.seeded) console.log('Seeded the demo company.');
          if (result.seeded || (await findUserByEmail(DEMO_ADMIN_EMAIL))) printDemoSignIn();
        }
      });
      if (process.exitCode) return;

      const server = spawn(process.execPath, [nextBin, 'start', '-p', String(env.PORT)], {
        stdio: 'inherit',
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      });
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
      server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
    });
}
