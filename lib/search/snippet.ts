import { findHits } from './cjk-bigrams';

// Characters of context shown before the first hit, and the length of a snippet.
const SNIPPET_LEAD = 30;
const SNIPPET_LENGTH = 160;

export interface Snippet {
  text: string;
  /** Where the search terms are in `text`: [start, end) offsets. */
  highlights: [number, number][];
}

/** A text on one line, cut around its first hit (its start when none), with the hits marked. */
export function snippetOf(text: string, terms: readonly string[]): Snippet {
  const line = text.replace(/\s+/g, ' ').trim();
  const first = findHits(line, terms)[0]?.[0] ?? 0;
  const start = Math.max(0, first - SNIPPET_LEAD);
  const cut = `${start > 0 ? '…' : ''}${line.slice(start, start + SNIPPET_LENGTH)}${start + SNIPPET_LENGTH < line.length ? '…' : ''}`;
  return { text: cut, highlights: findHits(cut, terms) };
}
