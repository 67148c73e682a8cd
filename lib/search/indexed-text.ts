import { sql, type SQL } from 'drizzle-orm';
import { documentVector, normalizeForSearch } from './cjk-bigrams';

/**
 * The two search columns of a row (tasks, files, knowledge pages) from its searchable text: the
 * text normalised, which hits are checked against, and its bigram vector for the GIN index.
 * Parts are joined by new lines so a phrase never runs from one part into the next.
 */
export function searchColumns(...parts: (string | null | undefined)[]): { searchText: string; searchVector: SQL } {
  const text = parts.filter(Boolean).join('\n');
  return { searchText: normalizeForSearch(text), searchVector: sql`${documentVector(text)}::tsvector` };
}
