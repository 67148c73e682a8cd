import { and, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { containsPattern } from '@/lib/like-pattern';
import type { SearchQuery } from './cjk-bigrams';

/** The text contains every keyword as written: what decides a hit. */
export const containsAllTerms = (text: AnyColumn, query: SearchQuery): SQL => and(...query.terms.map((term) => sql`${text} like ${containsPattern(term)}`))!;

/** The vector test the GIN index serves: it finds the candidates. */
export const vectorMatches = (vector: AnyColumn, query: SearchQuery): SQL => sql`${vector} @@ ${query.tsquery}::tsquery`;

/**
 * A search hit in a table with the two search columns (lib/search/indexed-text.ts): candidates
 * from the bigram index, kept when they contain every keyword, so results equal a substring match.
 */
export const searchMatch = (columns: { searchVector: AnyColumn; searchText: AnyColumn }, query: SearchQuery): SQL =>
  and(vectorMatches(columns.searchVector, query), containsAllTerms(columns.searchText, query))!;
