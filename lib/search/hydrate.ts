import { eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { channels, files, fileVersions, kbPages, messages, tasks } from '@/db/schema';
import { messagePlainText } from '@/lib/chat/markdown';
import { loadMessages } from '@/lib/chat/message-resources';
import { richTextToPlainText } from '@/lib/rich-text/document';
import { findHits } from './cjk-bigrams';
import type { SearchCandidate } from './ranking';
import type { SearchType } from './schema';
import { snippetOf } from './snippet';

/** One result of global search, as the page, the palette and the API show it. */
export interface SearchHit {
  type: SearchType;
  id: string;
  title: string;
  /** Where the keywords are in the title: [start, end) offsets. */
  titleHighlights: [number, number][];
  /** The text around the first hit (or the start of the text, for a title hit). */
  snippet: string;
  highlights: [number, number][];
  /** Null for an organisation knowledge page. */
  spaceId: string | null;
  spaceName: string | null;
  /** Who wrote it (messages). */
  author: string | null;
  /** The app page it opens. */
  href: string;
  /** Last change (a message: when it was posted), ISO 8601. */
  at: string;
}

interface Parts {
  title: string;
  body: string;
  href: string;
  author?: string | null;
}

type Reader = (db: Database, ids: string[], everyone: string, spaceOf: ReadonlyMap<string, string | null>) => Promise<Map<string, Parts>>;

const readTasks: Reader = async (db, ids) => {
  const rows = await db.select({ id: tasks.id, spaceId: tasks.spaceId, name: tasks.name, description: tasks.description, deliveryStandard: tasks.deliveryStandard })
    .from(tasks).where(inArray(tasks.id, ids));
  return new Map(rows.map((r) => [r.id, {
    title: r.name, href: `/spaces/${r.spaceId}/tasks/${r.id}`,
    body: [richTextToPlainText(r.description), richTextToPlainText(r.deliveryStandard)].filter(Boolean).join('\n'),
  }]));
};

const readFiles: Reader = async (db, ids) => {
  const rows = await db.select({ id: files.id, spaceId: files.spaceId, name: files.name, text: fileVersions.extractedText })
    .from(files).leftJoin(fileVersions, eq(fileVersions.id, files.currentVersionId)).where(inArray(files.id, ids));
  return new Map(rows.map((r) => [r.id, { title: r.name, body: r.text ?? '', href: `/spaces/${r.spaceId}/files/${r.id}` }]));
};

const readPages: Reader = async (db, ids) => {
  const rows = await db.select({ id: kbPages.id, spaceId: kbPages.spaceId, title: kbPages.title, content: kbPages.content, searchText: kbPages.searchText })
    .from(kbPages).where(inArray(kbPages.id, ids));
  return new Map(rows.map((r) => [r.id, {
    title: r.title,
    // The stored text (already normalised) stands in when the content is not the editor's schema.
    body: richTextToPlainText(r.content) || (r.searchText ?? '').split('\n').slice(1).join('\n'),
    href: r.spaceId ? `/spaces/${r.spaceId}/kb/${r.id}` : `/kb/${r.id}`,
  }]));
};

const readMessages: Reader = async (db, ids, everyone, spaceOf) => {
  const rows = await loadMessages(db, inArray(messages.id, ids), [], ids.length);
  const channelIds = [...new Set(rows.map((m) => m.channelId))];
  const names = new Map((channelIds.length ? await db.select({ id: channels.id, name: channels.name }).from(channels).where(inArray(channels.id, channelIds)) : []).map((c) => [c.id, c.name]));
  return new Map(rows.map((m) => {
    const mentioned = new Map(m.mentions.map((p) => [p.id, p.name]));
    return [m.id, {
      title: names.get(m.channelId) ?? '', author: m.author.name,
      body: messagePlainText(m.body, (id) => mentioned.get(id), everyone),
      href: `/spaces/${spaceOf.get(m.id)}/chat/${m.channelId}?at=${m.seq}${m.parentId ? `&thread=${m.parentId}` : ''}`,
    }];
  }));
};

const readers: Record<SearchType, Reader> = { task: readTasks, file: readFiles, page: readPages, message: readMessages };

/** The shown candidates as hits, in their order: titles, snippets with the keywords marked, links. */
export async function hydrateHits(db: Database, page: readonly SearchCandidate[], terms: readonly string[], spaceNames: ReadonlyMap<string, { name: string }>, everyone: string): Promise<SearchHit[]> {
  const byType = new Map<SearchType, string[]>();
  for (const c of page) (byType.get(c.type) ?? byType.set(c.type, []).get(c.type)!).push(c.id);
  const read = new Map<SearchType, Map<string, Parts>>();
  const spaceOf = new Map(page.map((c) => [c.id, c.spaceId]));
  for (const [type, ids] of byType) read.set(type, await readers[type](db, ids, everyone, spaceOf));
  return page.flatMap((c) => {
    const parts = read.get(c.type)?.get(c.id);
    if (!parts) return [];
    const snippet = snippetOf(parts.body, terms);
    return [{
      type: c.type, id: c.id, title: parts.title, titleHighlights: findHits(parts.title, terms),
      snippet: snippet.text, highlights: snippet.highlights,
      spaceId: c.spaceId, spaceName: c.spaceId ? (spaceNames.get(c.spaceId)?.name ?? null) : null,
      author: parts.author ?? null, href: parts.href, at: c.at.toISOString(),
    }];
  });
}
