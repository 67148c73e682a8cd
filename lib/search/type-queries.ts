import { and, desc, eq, gte, inArray, isNull, lt, notInArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { files, kbPages, messages, tasks } from '@/db/schema';
import { containsPattern } from '@/lib/like-pattern';
import type { SearchQuery } from './cjk-bigrams';
import type { SearchCandidate } from './ranking';
import type { SearchType } from './schema';
import type { SearchScope } from './scope';
import { containsAllTerms, searchMatch } from './match';

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
  /** The first `window` candidates in ranking order; `common`: the count passed the cap. */
  candidates(db: Database, window: number, common: boolean): Promise<SearchCandidate[]>;
}

const never = sql`false`;

// The vector test wrapped in `is true`: the planner cannot use the index for it (for the few rows
// of a page that are already ranked).
const notIndexed = (vector: SQL, query: SearchQuery) => sql`(${vector} @@ ${query.tsquery}::tsquery) is true`;

// The search text starts with the title, on its own line (lib/search/indexed-text.ts).
function titleMatch(text: AnyColumn, query: SearchQuery): SQL {
  return sql`(${and(...query.terms.map((term) => sql`split_part(${text}, chr(10), 1) like ${containsPattern(term)}`))})`;
}

function changedWithin(column: AnyColumn, filters: SearchFilters): SQL | undefined {
  return and(filters.from ? gte(column, filters.from) : undefined, filters.to ? lt(column, filters.to) : undefined);
}

type SearchTable = typeof tasks | typeof files | typeof kbPages;

async function countOf(db: Database, from: SearchTable | typeof messages, where: SQL): Promise<number> {
  const counted = db.select({ one: sql`1` }).from(from).where(where).limit(SEARCH_COUNT_CAP + 1).as('counted');
  const [row] = await db.select({ n: sql<number>`count(*)::int`.mapWith(Number) }).from(counted);
  return row?.n ?? 0;
}

const spaceIdsOf = (scope: SearchScope) => [...scope.spaces.keys()];

function rowsTo(type: SearchType, rows: { id: string; spaceId: string | null; titleHit: boolean; at: Date | string }[]): SearchCandidate[] {
  return rows.map((r) => ({ type, id: r.id, spaceId: r.spaceId, titleHit: Boolean(r.titleHit), at: new Date(r.at) }));
}

/**
 * Tasks, files and pages: no index orders them by last change, so every match is ranked. Rare
 * words come from the GIN index. For common ones (more than the count cap) the index would hand
 * over most of the table, and testing each row's vector costs more than the ranking: the rows
 * containing the keywords are ranked first (a sort of narrow rows), and only as many of them as
 * the page needs are then tested against their vector (the same result, in the same order).
 */
function rankedSearch(type: SearchType, table: SearchTable, scope: SQL | undefined, filters: SearchFilters): TypeSearch {
  const { query } = filters;
  const titleHit = titleMatch(table.searchText, query);
  const where = scope ? and(scope, searchMatch(table, query))! : never;
  return {
    count: (db) => countOf(db, table, where),
    candidates: async (db, window, common) => {
      if (!scope) return [];
      if (!common) {
        return rowsTo(type, await db.select({ id: table.id, spaceId: table.spaceId, titleHit: sql<boolean>`${titleHit}`, at: table.updatedAt })
          .from(table).where(where).orderBy(desc(titleHit), desc(table.updatedAt), table.id).limit(window));
      }
      // OFFSET 0 keeps the vector test out of the ranked subquery, so it runs only on the rows read.
      const ranked = db.select({ id: table.id, spaceId: table.spaceId, titleHit: sql<boolean>`${titleHit}`.as('title_hit'), at: sql<Date>`${table.updatedAt}`.as('at') })
        .from(table).where(and(scope, containsAllTerms(table.searchText, query))).orderBy(desc(titleHit), desc(table.updatedAt), table.id).offset(0).as('ranked');
      const vector = sql`(select v.search_vector from ${table} v where v.id = ${ranked.id})`;
      return rowsTo(type, await db.select().from(ranked).where(notIndexed(vector, query)).limit(window));
    },
  };
}

function taskSearch(filters: SearchFilters): TypeSearch {
  const spaceIds = spaceIdsOf(filters.scope);
  const scope = spaceIds.length && !filters.tagId ? and(inArray(tasks.spaceId, spaceIds), changedWithin(tasks.updatedAt, filters)) : undefined;
  return rankedSearch('task', tasks, scope, filters);
}

function fileSearch(filters: SearchFilters): TypeSearch {
  const { scope } = filters;
  const spaceIds = spaceIdsOf(scope);
  const where = spaceIds.length && !filters.tagId
    ? and(
      inArray(files.spaceId, spaceIds), isNull(files.deletedAt),
      scope.deletedFolderIds.length ? or(isNull(files.folderId), notInArray(files.folderId, scope.deletedFolderIds)) : undefined,
      changedWithin(files.updatedAt, filters),
    )
    : undefined;
  return rankedSearch('file', files, where, filters);
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
      owners, isNull(kbPages.deletedAt), changedWithin(kbPages.updatedAt, filters),
      filters.tagId ? sql`exists (select 1 from kb_page_tags t where t.page_id = ${kbPages.id} and t.tag_id = ${filters.tagId})` : undefined,
    )
    : undefined;
  return rankedSearch('page', kbPages, where, filters);
}

// How many of a space's newest messages the common-word walk reads, at least (and 20 per result asked for).
const RECENT_DEPTH = 1000;

type MessageRow = { id: string; spaceId: string; at: string | Date };

function messageSearch(filters: SearchFilters): TypeSearch {
  const { scope, query } = filters;
  const spaceIds = spaceIdsOf(scope);
  const visible = spaceIds.length && !filters.tagId && scope.channelIds.length;
  const rest = and(isNull(messages.deletedAt), scope.allChannels ? undefined : inArray(messages.channelId, scope.channelIds), changedWithin(messages.createdAt, filters));
  const matching = (spaces: string[]) => and(inArray(messages.spaceId, spaces), rest, searchMatch(messages, query))!;
  const where = visible ? matching(spaceIds) : never;
  const newestFromIndex = async (db: Database, spaces: string[], window: number): Promise<MessageRow[]> =>
    db.select({ id: messages.id, spaceId: messages.spaceId, at: messages.createdAt }).from(messages)
      .where(matching(spaces)).orderBy(desc(messages.createdAt), messages.id).limit(window);
  // The same tests as `rest` and the keywords, on the walked rows `r`.
  const uuids = (ids: readonly string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);
  const onWalked = and(
    sql`r.deleted_at is null`,
    scope.allChannels ? undefined : sql`r.channel_id in (${uuids(scope.channelIds)})`,
    filters.from ? sql`r.created_at >= ${filters.from.toISOString()}::timestamptz` : undefined,
    filters.to ? sql`r.created_at < ${filters.to.toISOString()}::timestamptz` : undefined,
    ...query.terms.map((term) => sql`r.search_text like ${containsPattern(term)}`),
    notIndexed(sql`r.search_vector`, query),
  );
  return {
    count: (db) => countOf(db, messages, where),
    candidates: async (db, window, common) => {
      if (!visible) return [];
      if (!common) return rowsTo('message', (await newestFromIndex(db, spaceIds, window)).map((r) => ({ ...r, titleHit: false })));
      // A common word: each space's newest messages are read along (space_id, seq) and tested, up
      // to a depth. A space with a full window there has its newest hits (seq follows posting
      // order); the spaces without one, where the word is rarer, are asked of the index instead.
      const depth = Math.max(RECENT_DEPTH, window * 20);
      const walked = await db.execute(sql`
        select m.id, s.id as "spaceId", m.created_at as "at" from unnest(array[${uuids(spaceIds)}]) as s(id)
        cross join lateral (
          select r.id, r.created_at from (
            select id, seq, channel_id, search_text, search_vector, deleted_at, created_at from ${messages}
            where ${messages.spaceId} = s.id order by ${messages.seq} desc limit ${depth}
          ) r where ${onWalked} order by r.seq desc limit ${window}
        ) m`) as unknown as { rows: MessageRow[] };
      const found = new Map<string, number>();
      for (const row of walked.rows) found.set(row.spaceId, (found.get(row.spaceId) ?? 0) + 1);
      const sparse = spaceIds.filter((id) => (found.get(id) ?? 0) < window);
      const dense = walked.rows.filter((row) => !sparse.includes(row.spaceId));
      const fromIndex = sparse.length ? await newestFromIndex(db, sparse, window) : [];
      return rowsTo('message', [...dense, ...fromIndex].map((r) => ({ ...r, titleHit: false })));
    },
  };
}

export const typeSearches: Record<SearchType, (filters: SearchFilters) => TypeSearch> = {
  page: pageSearch,
  task: taskSearch,
  file: fileSearch,
  message: messageSearch,
};
