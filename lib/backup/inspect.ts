import fs from 'node:fs';
import path from 'node:path';
import type { MigrationLevel } from './manifest';

/** What both pg.Client and PGlite offer: one SQL text in, rows out. */
export type RunQuery = <Row = Record<string, unknown>>(text: string) => Promise<{ rows: Row[] }>;

// Everything the app and drizzle's migrator create; the system schemas are left to Postgres.
const USER_SCHEMAS = `n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'`;

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Rows in every table outside the system schemas, keyed `schema.table`, sorted by name. */
export async function countTableRows(query: RunQuery): Promise<Record<string, number>> {
  const { rows: tables } = await query<{ schema: string; name: string }>(
    `select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p') and ${USER_SCHEMAS} order by 1, 2`,
  );
  const counts: Record<string, number> = {};
  for (const { schema, name } of tables) {
    const { rows } = await query<{ n: number }>(`select count(*)::int as n from ${quoteIdent(schema)}.${quoteIdent(name)}`);
    counts[`${schema}.${name}`] = rows[0]!.n;
  }
  return counts;
}

/** Whether the database holds no tables, views or sequences of its own (a fresh `CREATE DATABASE`). */
export async function isEmptyDatabase(query: RunQuery): Promise<boolean> {
  const { rows } = await query<{ n: number }>(
    `select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and ${USER_SCHEMAS}`,
  );
  return rows[0]!.n === 0;
}

interface JournalEntry {
  tag: string;
  when: number;
}

/** This app's migrations, oldest first (drizzle-kit's journal). */
export function knownMigrations(): JournalEntry[] {
  const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'db/migrations/meta/_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  return journal.entries;
}

/** How far the schema is migrated: drizzle's migrator records each migration's journal time. */
export async function migrationLevel(query: RunQuery): Promise<MigrationLevel> {
  const { rows: present } = await query<{ found: boolean }>(`select to_regclass('drizzle.__drizzle_migrations') is not null as found`);
  if (!present[0]?.found) return { applied: 0, latest: null, latestWhen: null };
  const { rows } = await query<{ applied: number; latest_when: string | null }>(
    'select count(*)::int as applied, max(created_at)::text as latest_when from drizzle.__drizzle_migrations',
  );
  const latestWhen = rows[0]?.latest_when ? Number(rows[0].latest_when) : null;
  const latest = knownMigrations().find((entry) => entry.when === latestWhen)?.tag ?? null;
  return { applied: rows[0]?.applied ?? 0, latest, latestWhen };
}

export function describeMigration(level: MigrationLevel): string {
  if (!level.applied) return 'no migrations';
  return level.latest ? `${level.latest} (${level.applied} migrations)` : `${level.applied} migrations, the newest unknown to this version`;
}
