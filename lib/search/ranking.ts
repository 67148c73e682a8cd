import { SEARCH_TYPES, type SearchType } from './schema';

/** One row a per-type query found, before it is read in full. */
export interface SearchCandidate {
  type: SearchType;
  id: string;
  spaceId: string | null;
  /** Every keyword occurs in the title (the name of a task or file, a page's title). */
  titleHit: boolean;
  /** Last change (a message: when it was posted). */
  at: Date;
}

const typeOrder = new Map(SEARCH_TYPES.map((type, i) => [type, i]));

/** The ranking: title hits first, then the most recently changed; ties in a fixed order. */
export function compareCandidates(a: SearchCandidate, b: SearchCandidate): number {
  if (a.titleHit !== b.titleHit) return a.titleHit ? -1 : 1;
  const time = b.at.getTime() - a.at.getTime();
  if (time) return time;
  const type = typeOrder.get(a.type)! - typeOrder.get(b.type)!;
  return type || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Merges the per-type lists (each ranked and cut to `offset + limit + 1` by its query) into one
 * ranking, and returns the page at `offset` and whether more follow.
 */
export function mergeRanked<T extends SearchCandidate>(lists: readonly (readonly T[])[], offset: number, limit: number): { page: T[]; more: boolean } {
  const merged = lists.flat().sort(compareCandidates);
  return { page: merged.slice(offset, offset + limit), more: merged.length > offset + limit };
}
