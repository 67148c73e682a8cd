import { sql, type SQL } from 'drizzle-orm';
import { documentVector, normalizeForSearch } from './cjk-bigrams';

/**
 * The search columns of a row (tasks, files, knowledge pages) from its title and the rest of its
 * searchable text: the text normalised, which hits are checked against, its bigram vector for the
 * GIN index, and the title's own vector (title hits rank first, lib/search/type-queries.ts).
 * Parts are joined by new lines so a phrase never runs from one part into the next; the title
 * is the first line.
 */
export function searchColumns(title: string, ...rest: (string | null | undefined)[]): { searchText: string; searchVector: SQL; titleVector: SQL } {
  const text = [title, ...rest].filter(Boolean).join('\n');
  return {
    searchText: normalizeForSearch(text),
    searchVector: sql`${documentVector(text)}::tsvector`,
    titleVector: sql`${documentVector(title)}::tsvector`,
  };
}
