// One tokeniser for indexing and querying text in Chinese (and Japanese, Korean) with English
// mixed in, measured in STACK-NOTES: CJK runs become overlapping character pairs, other words stay
// whole, stored in a 'simple' tsvector with a GIN index and queried as phrases. Both sides are
// built here as tsvector / tsquery literals (cast, never re-parsed by a text search parser), so
// what is indexed and what is asked for are cut the same way.

// Han (with its extensions), kana and Hangul: scripts written without spaces between words.
const CJK_CHAR = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]`;
const CJK = new RegExp(CJK_CHAR, 'u');
// CJK runs, and runs of other letters and digits (which CJK characters, being letters too, end).
const RUNS = new RegExp(String.raw`${CJK_CHAR}+|(?:(?!${CJK_CHAR})[\p{L}\p{N}])+`, 'gu');
// tsvector positions stop at 16,383; later tokens share the last one.
const MAX_POSITION = 16_383;

/** The form text is compared in: NFKC (full-width letters become ASCII) and lower case. */
export const normalizeForSearch = (text: string) => text.normalize('NFKC').toLowerCase();

interface Run {
  text: string;
  cjk: boolean;
}

function runsOf(text: string): Run[] {
  return Array.from(normalizeForSearch(text).matchAll(RUNS), ([run]) => ({ text: run, cjk: CJK.test(run) }));
}

const quote = (lexeme: string) => `'${lexeme}'`;

/**
 * The tsvector literal of a text. A CJK run of n characters gives its n−1 pairs at consecutive
 * positions and its last character alone at the last pair's position (so a one-character query
 * finds every character, and a phrase can continue into the next run); other words are one
 * lexeme each. Empty for text without letters or digits.
 */
export function documentVector(text: string): string {
  const positions = new Map<string, number[]>();
  let position = 1;
  const add = (lexeme: string, at: number) => {
    const list = positions.get(lexeme) ?? positions.set(lexeme, []).get(lexeme)!;
    const clamped = Math.min(at, MAX_POSITION);
    if (list[list.length - 1] !== clamped) list.push(clamped);
  };
  for (const run of runsOf(text)) {
    if (!run.cjk) {
      add(run.text, position++);
      continue;
    }
    const chars = Array.from(run.text);
    for (let i = 0; i < chars.length - 1; i++) add(chars[i]! + chars[i + 1]!, position + i);
    const last = position + Math.max(chars.length - 2, 0);
    add(chars[chars.length - 1]!, last);
    position = last + 1;
  }
  return Array.from(positions, ([lexeme, at]) => `${quote(lexeme)}:${at.join(',')}`).join(' ');
}

/** The phrase of one keyword: CJK runs as their pairs (one character as a prefix), words as prefixes. */
function keywordPhrase(keyword: string): string | null {
  const parts: string[] = [];
  for (const run of runsOf(keyword)) {
    const chars = Array.from(run.text);
    if (!run.cjk || chars.length === 1) parts.push(`${quote(run.text)}:*`);
    else for (let i = 0; i < chars.length - 1; i++) parts.push(quote(chars[i]! + chars[i + 1]!));
  }
  return parts.length ? parts.join(' <-> ') : null;
}

export interface SearchQuery {
  /** A tsquery literal: every keyword as a phrase, all of them required. */
  tsquery: string;
  /** The keywords, normalised: each must occur in a hit as written (checked with LIKE after the index). */
  terms: string[];
}

/**
 * What to ask the index for a search box's text: space-separated keywords, each a phrase, all
 * required. Null when the text holds no letters or digits (nothing to search for).
 */
export function buildSearchQuery(text: string): SearchQuery | null {
  const terms = normalizeForSearch(text).split(/\s+/).map((term) => term.trim()).filter(Boolean);
  const phrases = terms.map(keywordPhrase).filter((phrase): phrase is string => phrase !== null);
  if (!phrases.length) return null;
  return { tsquery: phrases.map((phrase) => `(${phrase})`).join(' & '), terms: terms.filter((term) => keywordPhrase(term) !== null) };
}

/** Where the terms occur in a text, for highlighting: merged [start, end) offsets into the original string. */
export function findHits(text: string, terms: readonly string[]): [number, number][] {
  // Normalising can change a character's length (full-width forms, ligatures): compare per character.
  const chars = Array.from(text);
  const normalized = chars.map(normalizeForSearch);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    for (let start = 0; start < chars.length; start++) {
      let end = start;
      let joined = '';
      while (end < chars.length && joined.length < term.length) joined += normalized[end++];
      if (joined.startsWith(term)) ranges.push([start, end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  const offsets = [0];
  for (const char of chars) offsets.push(offsets[offsets.length - 1]! + char.length);
  return merged.map(([start, end]) => [offsets[start]!, offsets[end]!]);
}
