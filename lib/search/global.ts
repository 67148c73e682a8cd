import { getDb } from '@/db/client';
import { requireUserActor, type Actor } from '@/lib/auth/actor';
import { addDays, zonedTimeToUtc } from '@/lib/dates';
import { env } from '@/lib/env';
import { Invalid } from '@/lib/errors';
import { parseInput } from '@/lib/validation';
import { buildSearchQuery } from './cjk-bigrams';
import { hydrateHits, type SearchHit } from './hydrate';
import { mergeRanked } from './ranking';
import { globalSearchSchema, SEARCH_DEPTH_MAX, SEARCH_TYPES, type GlobalSearchInput, type SearchType } from './schema';
import { loadSearchScope } from './scope';
import { SEARCH_COUNT_CAP, typeSearches, type SearchFilters } from './type-queries';

export type { SearchHit } from './hydrate';
export { SEARCH_COUNT_CAP } from './type-queries';

export interface TypeCount {
  /** Exact up to SEARCH_COUNT_CAP; `capped` says there are more. */
  total: number;
  capped: boolean;
}

export interface GlobalSearchResult {
  hits: SearchHit[];
  /** Matches of each type with the filters other than `type` (the tabs). */
  counts: Record<SearchType, TypeCount>;
  /** Pass as `cursor` for the next page; null on the last. */
  nextCursor: number | null;
}

const capped = (n: number): TypeCount => ({ total: Math.min(n, SEARCH_COUNT_CAP), capped: n > SEARCH_COUNT_CAP });

/**
 * Searches knowledge pages, tasks, files (names and text) and messages the actor may see: spaces
 * they may view (archived ones too), channels they see, their organisation's pages; nothing
 * deleted. Chinese and English alike, results equal a substring match (lib/search/type-queries.ts);
 * ranked title hits first, then by last change.
 */
export async function searchEverything(actor: Actor, input: GlobalSearchInput, options: { timeZone?: string; everyone?: string } = {}): Promise<GlobalSearchResult> {
  const user = requireUserActor(actor);
  const data = parseInput(globalSearchSchema, input);
  const query = buildSearchQuery(data.q);
  if (!query) throw Invalid({ q: ['searchNothing'] });
  const db = await getDb();
  const timeZone = options.timeZone ?? env.DEFAULT_TIME_ZONE;
  const filters: SearchFilters = {
    query, tagId: data.tagId, scope: await loadSearchScope(db, user, data.spaceId),
    from: data.from ? zonedTimeToUtc(data.from, timeZone) : undefined,
    to: data.to ? zonedTimeToUtc(addDays(data.to, 1), timeZone) : undefined,
  };
  const searches = SEARCH_TYPES.map((type) => ({ type, search: typeSearches[type](filters) }));
  const offset = data.cursor ?? 0;
  const window = offset + data.limit + 1;
  // One after the other: on PGlite there is one connection, and on Postgres each is quick.
  const counts = {} as Record<SearchType, TypeCount>;
  for (const { type, search } of searches) counts[type] = capped(await search.count(db));
  const lists = [];
  for (const { type, search } of searches) {
    if ((data.type && data.type !== type) || counts[type].total === 0) continue;
    lists.push(await search.candidates(db, window, counts[type].capped));
  }
  const { page, more } = mergeRanked(lists, offset, data.limit);
  return {
    hits: await hydrateHits(db, page, query.terms, filters.scope.spaces, options.everyone ?? '所有人'),
    counts,
    nextCursor: more && offset + data.limit <= SEARCH_DEPTH_MAX ? offset + data.limit : null,
  };
}
