import { and, desc, eq, gte, inArray, isNull, lt, notInArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { files, kbPages, messages, tasks } from '@/db/schema';
import { containsPattern } from '@/lib/like-pattern';
import type { SearchQuery } from './cjk-bigrams';
import type { SearchCandidate } from './ranking';
import type { SearchType } from './schema';
import type { SearchScope } from './scope';
import { containsAllTerms, searchMatch, vectorMatches } from './match';

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
const notIndexed = (vector: SQL | AnyColumn, query: SearchQuery) => sql`(${vector} @@ ${query.tsquery}::tsquery) is true`;

// The search text starts with the title, on its own line (lib/search/indexed-text.ts).
function titleMatch(text: AnyColumn, query: SearchQuery): SQL {
  return sql`(${and(...query.terms.map((term) => sql`split_part(${text}, chr(10), 1) like ${containsPattern(term)}`))})`;
}

function changedWithin(column: AnyColumn, filters: SearchFilters): SQL | undefined {
  return and(filters.from ? gte(column, filters.from) : undefined, filters.to ? lt(column, filters.to) : undefined);
}

type SearchTable = typeof tasks | typeof files | typeof kbPages;

async function countOf(db: Database, from: SearchTable | typeof messages, where: SQL, cap = SEARCH_COUNT_CAP): Promise<number> {
  const counted = db.select({ one: sql`1` }).from(from).where(where).limit(cap + 1).as('counted');
  const [row] = await db.select({ n: sql<number>`count(*)::int`.mapWith(Number) }).from(counted);
  return row?.n ?? 0;
}

const spaceIdsOf = (scope: SearchScope) => [...scope.spaces.keys()];

function rowsTo(type: SearchType, rows: { id: string; spaceId: string | null; titleHit: boolean; at: Date | string }[]): SearchCandidate[] {
  return rows.map((r) => ({ type, id: r.id, spaceId: r.spaceId, titleHit: Boolean(r.titleHit), at: new Date(r.at) }));
}

// How many of a group's newest rows (one space's tasks, say) the common-word walk reads, at least
// (and 20 per result asked for).
const RECENT_DEPTH = 1000;
const depthFor = (window: number) => Math.max(RECENT_DEPTH, window * 20);

// Title hits are walked only when there are more than this many per group and result asked for:
// the index ranks a few thousand of them faster than a walk finds the newest of a rarer word.
const TITLE_WALK_FACTOR = 10;

type RankedRow = { id: string; spaceId: string | null; at: Date };

/**
 * The newest `limit` rows in scope passing `test`: each group's newest rows are read along
 * (space_id, updated_at) and tested, up to a depth; a group with `limit` hits there has its newest
 * ones, and the groups without, where the hits are sparse, are asked of an index (`indexed`: the
 * same test, written so that a GIN index serves it).
 */
async function newestHits(db: Database, table: SearchTable, scope: SQL, groups: WalkGroup[], limit: number, test: SQL, indexed: SQL): Promise<RankedRow[]> {
  // Named as the table, so conditions written on its columns apply to the rows walked. The walk is
  // ordered by the index alone (ties at its depth are cut arbitrarily); its hits by id as well.
  const walkOf = ({ where }: WalkGroup) => sql`(select ${table.id}, ${table.spaceId}, ${table.updatedAt} from (
      select * from ${table} where ${where} order by ${table.updatedAt} desc limit ${depthFor(limit)}
    ) as ${table} where ${and(scope, test)} order by ${table.updatedAt} desc, ${table.id} limit ${limit})`;
  const walked = groups.length
    ? ((await db.execute(sql.join(groups.map(walkOf), sql` union all `))) as unknown as { rows: { id: string; space_id: string | null; updated_at: string | Date }[] }).rows
    : [];
  const found = new Map<string | null, number>();
  for (const row of walked) found.set(row.space_id, (found.get(row.space_id) ?? 0) + 1);
  // A group short of hits whose walk read all its rows has them all; the others are sparse.
  const short = groups.filter((group) => (found.get(group.key) ?? 0) < limit);
  const sizes = short.length
    ? ((await db.execute(sql.join(short.map(({ where }, i) => sql`select ${i} as i, (select count(*) from (select 1 from ${table} where ${where} limit ${depthFor(limit)}) r)::int as n`), sql` union all `))) as unknown as { rows: { i: number; n: number }[] }).rows
    : [];
  const sparse = short.filter((_, i) => Number(sizes.find((size) => Number(size.i) === i)?.n) >= depthFor(limit));
  const dense = walked.filter((row) => !sparse.some((group) => group.key === row.space_id))
    .map((row) => ({ id: row.id, spaceId: row.space_id, at: new Date(row.updated_at) }));
  const fromIndex = sparse.length
    ? await db.select({ id: table.id, spaceId: table.spaceId, at: table.updatedAt }).from(table)
      .where(and(scope, or(...sparse.map((group) => group.where)), indexed)).orderBy(desc(table.updatedAt), table.id).limit(limit)
    : [];
  return [...dense, ...fromIndex].sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, limit);
}

/**
 * Tasks, files and pages, ranked title hits first, then newest. Rare words come from the GIN index,
 * every match ranked. For common ones (more than the count cap) that would rank most of the table,
 * so the title hits and then, when they do not fill the window, the other hits are each found
 * newest first (newestHits): the same result, in the same order.
 */
function rankedSearch(type: SearchType, table: SearchTable, scope: SQL | undefined, groups: WalkGroup[], filters: SearchFilters): TypeSearch {
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
      const vector = notIndexed(table.searchVector, query);
      // A title containing every keyword matches its own vector (and so the row's), which is small
      // and tested first: the long text is read only for likely title hits. Title hits are ranked
      // from the title index unless there are many (a walk reads some `window` rows per group for
      // them, and more the rarer they are): then they are walked.
      const titleIndexed = and(scope, vectorMatches(table.titleVector, query), titleHit)!;
      const rankedAtMost = Math.max(depthFor(window), groups.length * window * TITLE_WALK_FACTOR);
      const titled = await countOf(db, table, and(scope, vectorMatches(table.titleVector, query))!, rankedAtMost) <= rankedAtMost
        ? await db.select({ id: table.id, spaceId: table.spaceId, at: table.updatedAt }).from(table).where(titleIndexed).orderBy(desc(table.updatedAt), table.id).limit(window)
        : await newestHits(db, table, scope, groups, window, and(notIndexed(table.titleVector, query), titleHit)!, titleIndexed);
      const need = window - titled.length;
      const rest = need
        ? await newestHits(db, table, scope, groups, need, and(containsAllTerms(table.searchText, query), sql`not ${titleHit}`, vector)!,
          and(searchMatch(table, query), sql`not ${titleHit}`)!)
        : [];
      return [...titled.map((r) => ({ ...r, type, titleHit: true })), ...rest.map((r) => ({ ...r, type, titleHit: false }))];
    },
  };
}

/** The rows of one space (key: its id), or the organisation's own pages (key: null). */
interface WalkGroup {
  key: string | null;
  where: SQL;
}

const spaceGroups = (column: AnyColumn, spaceIds: string[]): WalkGroup[] => spaceIds.map((id) => ({ key: id, where: eq(column, id) }));

function taskSearch(filters: SearchFilters): TypeSearch {
  const spaceIds = spaceIdsOf(filters.scope);
  const scope = spaceIds.length && !filters.tagId ? and(inArray(tasks.spaceId, spaceIds), changedWithin(tasks.updatedAt, filters)) : undefined;
  return rankedSearch('task', tasks, scope, spaceGroups(tasks.spaceId, spaceIds), filters);
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
  return rankedSearch('file', files, where, spaceGroups(files.spaceId, spaceIds), filters);
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
  const groups = [
    ...spaceGroups(kbPages.spaceId, spaceIds),
    ...(scope.organizationPages ? [{ key: null, where: and(isNull(kbPages.spaceId), eq(kbPages.organizationId, scope.organizationId))! }] : []),
  ];
  return rankedSearch('page', kbPages, where, groups, filters);
}

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
      const depth = depthFor(window);
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
