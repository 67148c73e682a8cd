import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BackupError } from './errors';

export type PgToolName = 'pg_dump' | 'pg_restore';

export interface PgTool {
  path: string;
  /** As the tool prints it, e.g. `15.20`. */
  version: string;
  major: number;
}

// Debian and Ubuntu install each client version side by side here; PATH may hold only one.
const DEBIAN_ROOT = '/usr/lib/postgresql';

/** `pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)` → 15.20 / 15. */
export function parseToolVersion(output: string): { version: string; major: number } | null {
  const match = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(output);
  if (!match) return null;
  return { version: match[2] === undefined ? match[1]! : `${match[1]}.${match[2]}`, major: Number(match[1]) };
}

/** The tool on PATH plus every version under /usr/lib/postgresql, those that answer `--version`. */
export function findPgTools(name: PgToolName, debianRoot = DEBIAN_ROOT): PgTool[] {
  const versions = fs.existsSync(debianRoot) ? fs.readdirSync(debianRoot) : [];
  const candidates = [name, ...versions.map((version) => path.join(debianRoot, version, 'bin', name))];
  const tools: PgTool[] = [];
  for (const candidate of candidates) {
    const result = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
    const parsed = result.status === 0 ? parseToolVersion(result.stdout) : null;
    if (parsed) tools.push({ path: candidate, ...parsed });
  }
  return tools;
}

/**
 * The newest of the tools, when it is at least `minMajor`: pg_dump refuses a server newer than
 * itself, and pg_restore cannot read an archive written by a newer pg_dump.
 */
export function pickPgTool(name: PgToolName, tools: readonly PgTool[], minMajor: number, why: string): PgTool {
  const newest = [...tools].sort((a, b) => b.major - a.major)[0];
  if (!newest) {
    throw new BackupError(
      `${name} was not found on PATH or in ${DEBIAN_ROOT}/*/bin. Install the PostgreSQL client ` +
        `(Debian/Ubuntu: apt-get install postgresql-client-${minMajor}).`,
    );
  }
  if (newest.major < minMajor) {
    throw new BackupError(
      `${why} is version ${minMajor}, but the newest ${name} here is ${newest.version} (${newest.path}), which cannot handle it. ` +
        `Install postgresql-client-${minMajor} or newer.`,
    );
  }
  return newest;
}

export function requirePgTool(name: PgToolName, minMajor: number, why: string): PgTool {
  return pickPgTool(name, findPgTools(name), minMajor, why);
}

/**
 * The URL without its password, and the password as PGPASSWORD: a password in the arguments
 * would be visible to every user of the machine in the process list.
 */
export function libpqConnection(url: string): { dbname: string; env: Record<string, string> } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: password ? { PGPASSWORD: password } : {} };
}

/** host:port/database of a URL, for messages (never the password). */
export function describePostgresUrl(url: string): string {
  const parsed = new URL(url);
  return `Postgres ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}
