import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { documentVector, normalizeForSearch } from '@/lib/search/cjk-bigrams';
import { generateMessage } from '../chat/search-corpus';
import { seededRandom } from '../../support/seeded-random';

// The global search benchmark's data, generated from the chat benchmark's word lists (common
// words common, rare ones rare) and loaded in bulk: rows as JSON, unpacked by the database into
// the table's row type, with the GIN indexes built once afterwards rather than row by row.

const CHUNK = 5000;
const YEAR_MS = 365 * 86_400_000;
const GIN_INDEXES = [
  ['messages', 'messages_search_vector_idx', 'search_vector'], ['tasks', 'tasks_search_vector_idx', 'search_vector'],
  ['kb_pages', 'kb_pages_search_vector_idx', 'search_vector'], ['tasks', 'tasks_title_vector_idx', 'title_vector'],
  ['kb_pages', 'kb_pages_title_vector_idx', 'title_vector'],
] as const;

async function load(db: Database, table: string, rows: Record<string, unknown>[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.execute(sql`insert into ${sql.identifier(table)} select * from json_populate_recordset(null::${sql.identifier(table)}, ${JSON.stringify(rows.slice(i, i + CHUNK))}::json)`);
  }
}

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

export interface CorpusSpace {
  id: string;
  channelId: string;
}

export interface CorpusSize {
  messages: number;
  tasks: number;
  pages: number;
}

/** Spreads messages, tasks and pages evenly over the spaces, newest last, and indexes them. */
export async function seedCorpus(db: Database, options: { organizationId: string; authorId: string; assigneeIds: string[]; spaces: CorpusSpace[]; size: CorpusSize }) {
  const next = seededRandom(20261203);
  const { spaces, size } = options;
  const now = Date.now();
  const at = (i: number, n: number) => new Date(now - YEAR_MS + Math.floor((i / n) * YEAR_MS)).toISOString();
  for (const [, index] of GIN_INDEXES) await db.execute(sql`drop index if exists ${sql.identifier(index)}`);

  const perSpace = Math.ceil(size.messages / spaces.length);
  for (const [s, space] of spaces.entries()) {
    const count = Math.min(perSpace, size.messages - s * perSpace);
    for (let done = 0; done < count; done += 50_000) {
      const rows = Array.from({ length: Math.min(50_000, count - done) }, (_, k) => {
        const i = done + k;
        const body = generateMessage(next);
        return {
          id: randomUUID(), space_id: space.id, channel_id: space.channelId, seq: 1000 + i, author_id: options.authorId, body, parent_id: null,
          mentions_channel: false, client_key: null, search_text: normalizeForSearch(body), search_vector: documentVector(body),
          edited_at: null, deleted_at: null, created_at: at(i, count),
        };
      });
      await load(db, 'messages', rows);
    }
  }

  const tasks = Array.from({ length: size.tasks }, (_, i) => {
    const space = spaces[i % spaces.length]!;
    const name = generateMessage(next).slice(0, 10 + Math.floor(next() * 20)).replace(/[ 。]+$/, '');
    const description = next() < 0.6 ? generateMessage(next) : null;
    const text = [name, description].filter(Boolean).join('\n');
    return {
      id: randomUUID(), space_id: space.id, number: 100_000 + i, name, description: description ? { type: 'doc', content: [paragraph(description)] } : null,
      delivery_standard: null, priority: 'medium', status: 'todo', start_date: null, due_date: '2026-12-31',
      assignee_id: options.assigneeIds[i % options.assigneeIds.length], department_id: null, deliverable: null, notes: null, parent_id: null,
      milestone_id: null, source_message_id: null, is_milestone: false, rank: i, completed_at: null, created_by: options.authorId,
      search_text: normalizeForSearch(text), search_vector: documentVector(text), title_vector: documentVector(name), created_at: at(i, size.tasks), updated_at: at(i, size.tasks),
    };
  });
  await load(db, 'tasks', tasks);

  const pages = Array.from({ length: size.pages }, (_, i) => {
    // One page in ten is the organisation's.
    const space = i % 10 === 9 ? null : spaces[i % spaces.length]!;
    const title = generateMessage(next).slice(0, 6 + Math.floor(next() * 12)).replace(/[ 。]+$/, '');
    const body = Array.from({ length: 3 + Math.floor(next() * 6) }, () => generateMessage(next));
    const text = [title, body.join('\n')].join('\n');
    return {
      id: randomUUID(), organization_id: options.organizationId, space_id: space?.id ?? null, parent_id: null, title,
      content: { type: 'doc', content: body.map(paragraph) }, version: 1, position: i, promoted_from_id: null,
      created_by: options.authorId, updated_by: options.authorId, search_text: normalizeForSearch(text), search_vector: documentVector(text), title_vector: documentVector(title),
      created_at: at(i, size.pages), updated_at: at(i, size.pages), deleted_at: null,
    };
  });
  await load(db, 'kb_pages', pages);

  for (const [table, index, column] of GIN_INDEXES) {
    await db.execute(sql`create index if not exists ${sql.identifier(index)} on ${sql.identifier(table)} using gin (${sql.identifier(column)})`);
  }
  // Vacuumed as autovacuum keeps a live database: the visibility map lets index-only scans skip the heap.
  for (const table of new Set(GIN_INDEXES.map(([name]) => name))) await db.execute(sql`vacuum analyze ${sql.identifier(table)}`);
}
