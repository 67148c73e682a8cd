import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, setDatabaseHandle } from '@/db/client';
import { findUserByToken } from '@/lib/auth/tokens';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from '@/lib/org/demo-data';
import { setupTestDatabase } from './support/database';
import { uniqueEmail } from './support/factories';

const database = setupTestDatabase();
const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'xiezuo-cli-'));
afterAll(() => fs.rmSync(tempRoot, { recursive: true, force: true }));

/** Runs `npm run cli -- …` as an operator would, on Postgres (this file's database) or a PGlite folder. */
function runCli(args: string[], target: { url?: string; dir?: string }) {
  const env: NodeJS.ProcessEnv = { ...process.env, PASSWORD_HASH_COST: '10', SEED_DEMO: '1' };
  delete env.DATABASE_URL;
  if (target.url) env.DATABASE_URL = target.url;
  if (target.dir) env.PGLITE_DIR = target.dir;
  const result = spawnSync(path.resolve('node_modules/.bin/tsx'), ['lib/cli/main.ts', ...args], { env, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

describe('admin CLI', () => {
  const target = () => (database.url ? { url: database.url } : { dir: path.join(tempRoot, 'main') });

  it('creates a user and prints a token that authenticates as them', async () => {
    const email = uniqueEmail('cli');
    const created = runCli(['user', 'create', '--email', email, '--name', '运维管理员', '--admin'], target());
    expect(created.code).toBe(0);
    expect(created.stdout).toContain(`Created org admin 运维管理员 <${email}>`);
    expect(created.stdout).toMatch(/Password: \S{12,}/);

    const issued = runCli(['token', 'create', '--email', email, '--name', 'deploy'], target());
    expect(issued.code).toBe(0);
    const token = issued.stdout;
    expect(token).toMatch(/^xz_pat_[\w-]{40,}$/);

    if (!database.url) setDatabaseHandle(await openDatabase({ dir: target().dir }));
    try {
      expect(await findUserByToken(token)).toMatchObject({ email, name: '运维管理员', isOrgAdmin: true });
    } finally {
      if (!database.url) await (await import('@/db/client')).closeDatabase();
      setDatabaseHandle(database.handle);
    }

    const listed = runCli(['token', 'list', '--email', email], target());
    expect(listed.stdout).toMatch(/xz_pat_\S+…\s+deploy\s+active/);
  });

  it('explains a refused command plainly and exits non-zero', () => {
    const email = uniqueEmail('twice');
    expect(runCli(['user', 'create', '--email', email, '--name', '甲', '--password', 'long-enough'], target()).code).toBe(0);
    const again = runCli(['user', 'create', '--email', email, '--name', '乙'], target());
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('This email is already in use');
    const weak = runCli(['user', 'create', '--email', uniqueEmail(), '--name', '丙', '--password', 'short'], target());
    expect(weak.stderr).toContain('--password: Use at least 8 characters');
    const unknown = runCli(['token', 'create', '--email', uniqueEmail('ghost')], target());
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Not found');
  });

  it('seeds the demo company once and prints the demo sign-in', () => {
    const dir = { dir: path.join(tempRoot, 'demo') };
    const first = runCli(['seed-demo'], dir);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Demo sign-in: ${DEMO_ADMIN_EMAIL} / ${DEMO_PASSWORD}`);
    const second = runCli(['seed-demo'], dir);
    expect(second.stdout).toContain('nothing was seeded');
  });

  it('says plainly that the embedded data folder is in use by another process', async () => {
    const dir = path.join(tempRoot, 'busy');
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      fs.writeFileSync(`${dir}.lock`, String(holder.pid));
      const result = runCli(['migrate'], { dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`is in use by process ${holder.pid}`);
      expect(result.stderr).toContain('Stop that process first');
      expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    } finally {
      holder.kill();
    }
  });
});
