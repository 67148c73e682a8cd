import { and, desc, eq, gte, inArray, isNull, lt, notInArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { files, kbPages, messages, tasks } from '@/db/schema';
import { containsPattern } from '@/lib/like-pattern';
import type { SearchQuery } from './cjk-bigrams';
import type { SearchCandidate } from './ranking';
import type { SearchType } from './schema';
import type { SearchScope } from './scope';

// One query per type of thing: each finds candidates with the GIN index, keeps those containing
// every keyword as written (so results equal a substring match), and ranks them title hits first,
// then newest; global.ts merges the lists.

/** Hits are counted up to here per type; more shows as "1000+". */
export const SEARCH_COUNT_CAP = 1000;

export interface SearchFilters {
  query: SearchQuery;
  scope: SearchScope;
  /** Changed at or after / before these instants. */
  from?: Date;
  to?: Date;
  tagId?: string;
}

export interface TypeSearch {
  /** Matches, counted up to SEARCH_COUNT_CAP + 1. */
  count(db: Database): Promise<number>;
  /** The first `window` candidates in ranking order. */
  candidates(db: Database, window: number): Promise<SearchCandidate[]>;
}

const never = sql`false`;

function textMatch(vector: AnyColumn, text: AnyColumn, query: SearchQuery): SQL {
  return and(sql`${vector} @@ ${query.tsquery}::tsquery`, ...query.terms.map((term) => sql`${text} like ${containsPattern(term)}`))!;
}

// The search text starts with the title, on its own line (lib/search/indexed-text.ts).
function titleMatch(text: AnyColumn, query: SearchQuery): SQL {
  return sql`(${and(...query.terms.map((term) => sql`split_part(${text}, chr(10), 1) like ${containsPattern(term)}`))})`;
}

function changedWithin(column: AnyColumn, filters: SearchFilters): SQL | undefined {
  return and(filters.from ? gte(column, filters.from) : undefined, filters.to ? lt(column, filters.to) : undefined);
}

async function countOf(db: Database, from: typeof tasks | typeof files | typeof kbPages | typeof messages, where: SQL): Promise<number> {
  const counted = db.select({ one: sql`1` }).from(from).where(where).limit(SEARCH_COUNT_CAP + 1).as('counted');
  const [row] = await db.select({ n: sql<number>`count(*)::int`.mapWith(Number) }).from(counted);
  return row?.n ?? 0;
}

const spaceIdsOf = (scope: SearchScope) => [...scope.spaces.keys()];

function rowsTo(type: SearchType, rows: { id: string; spaceId: string | null; titleHit: boolean; at: Date | string }[]): SearchCandidate[] {
  return rows.map((r) => ({ type, id: r.id, spaceId: r.spaceId, titleHit: Boolean(r.titleHit), at: new Date(r.at) }));
}

function taskSearch(filters: SearchFilters): TypeSearch {
  const spaceIds = spaceIdsOf(filters.scope);
  const where = spaceIds.length && !filters.tagId
    ? and(inArray(tasks.spaceId, spaceIds), textMatch(tasks.searchVector, tasks.searchText, filters.query), changedWithin(tasks.updatedAt, filters))!
    : never;
  const titleHit = titleMatch(tasks.searchText, filters.query);
  return {
    count: (db) => countOf(db, tasks, where),
    candidates: async (db, window) => rowsTo('task', await db.select({ id: tasks.id, spaceId: tasks.spaceId, titleHit: sql<boolean>`${titleHit}`, at: tasks.updatedAt })
      .from(tasks).where(where).orderBy(desc(titleHit), desc(tasks.updatedAt), tasks.id).limit(window)),
  };
}

function fileSearch(filters: SearchFilters): TypeSearch {
  const { scope } = filters;
  const spaceIds = spaceIdsOf(scope);
  const where = spaceIds.length && !filters.tagId
    ? and(
      inArray(files.spaceId, spaceIds), isNull(files.deletedAt),
      scope.deletedFolderIds.length ? or(isNull(files.folderId), notInArray(files.folderId, scope.deletedFolderIds)) : undefined,
      textMatch(files.searchVector, files.searchText, filters.query), changedWithin(files.updatedAt, filters),
    )!
    : never;
  const titleHit = titleMatch(files.searchText, filters.query);
  return {
    count: (db) => countOf(db, files, where),
    candidates: async (db, window) => rowsTo('file', await db.select({ id: files.id, spaceId: files.spaceId, titleHit: sql<boolean>`${titleHit}`, at: files.updatedAt })
      .from(files).where(where).orderBy(desc(titleHit), desc(files.updatedAt), files.id).limit(window)),
  };
}

function pageSearch(filters: SearchFilters): TypeSearch {
  const { scope } = filters;
  const spaceIds = spaceIdsOf(scope);
  const owners = or(
    spaceIds.length ? inArray(kbPages.spaceId, spaceIds) : undefined,
    scope.organizationPages ? and(isNull(kbPages.spaceId), eq(kbPages.organizationId, scope.organizationId)) : undefined,
  );
  const where = owners
    ? and(
      owners, isNull(kbPages.deletedAt), textMatch(kbPages.searchVector, kbPages.searchText, filters.query), changedWithin(kbPages.updatedAt, filters),
      filters.tagId ? sql`exists (select 1 from kb_page_tags t where t.page_id = ${kbPages.id} and t.tag_id = ${filters.tagId})` : undefined,
    )!
    : never;
  const titleHit = titleMatch(kbPages.searchText, filters.query);
  return {
    count: (db) => countOf(db, kbPages, where),
    candidates: async (db, window) => rowsTo('page', await db.select({ id: kbPages.id, spaceId: kbPages.spaceId, titleHit: sql<boolean>`${titleHit}`, at: kbPages.updatedAt })
      .from(kbPages).where(where).orderBy(desc(titleHit), desc(kbPages.updatedAt), kbPages.id).limit(window)),
  };
}

function messageSearch(filters: SearchFilters): TypeSearch {
  const { scope } = filters;
  const spaceIds = spaceIdsOf(scope);
  const visible = spaceIds.length && !filters.tagId && scope.channelIds.length;
  const common = visible
    ? and(
      isNull(messages.deletedAt), scope.allChannels ? undefined : inArray(messages.channelId, scope.channelIds),
      textMatch(messages.searchVector, messages.searchText, filters.query), changedWithin(messages.createdAt, filters),
    )!
    : never;
  return {
    count: (db) => countOf(db, messages, visible ? and(inArray(messages.spaceId, spaceIds), common)! : never),
    // Newest first within each space walks (space_id, seq) for common words and stops at the window;
    // a space's seq follows posting order, so the newest overall are among each space's newest.
    candidates: async (db, window) => {
      if (!visible) return [];
      const ids = sql.join(spaceIds.map((id) => sql`${id}::uuid`), sql`, `);
      const result = await db.execute(sql`
        select m.id, m.space_id as "spaceId", m.created_at as "at" from unnest(array[${ids}]) as s(id)
        cross join lateral (
          select ${messages.id} as id, ${messages.spaceId} as space_id, ${messages.createdAt} as created_at from ${messages}
          where ${messages.spaceId} = s.id and ${common} order by ${messages.seq} desc limit ${window}
        ) m order by m.created_at desc, m.id limit ${window}`) as unknown as { rows: { id: string; spaceId: string; at: string | Date }[] };
      return rowsTo('message', result.rows.map((r) => ({ ...r, titleHit: false })));
    },
  };
}

export const typeSearches: Record<SearchType, (filters: SearchFilters) => TypeSearch> = {
  page: pageSearch,
  task: taskSearch,
  file: fileSearch,
  message: messageSearch,
};
