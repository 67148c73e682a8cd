import { describe, expect, it } from 'vitest';
import { mergeRanked, type SearchCandidate } from '@/lib/search/ranking';
import { snippetOf } from '@/lib/search/snippet';

const at = (day: number) => new Date(Date.UTC(2026, 11, day));
const candidate = (type: SearchCandidate['type'], id: string, titleHit: boolean, day: number): SearchCandidate => ({ type, id, spaceId: null, titleHit, at: at(day) });

describe('merging the per-type rankings', () => {
  const lists = [
    [candidate('task', 't1', true, 1), candidate('task', 't2', false, 9)],
    [candidate('page', 'p1', true, 5), candidate('page', 'p2', false, 3)],
    [candidate('message', 'm1', false, 9), candidate('message', 'm2', false, 2)],
  ];

  it('puts title hits first, newest first, then everything else newest first, ties by type', () => {
    expect(mergeRanked(lists, 0, 10).page.map((c) => c.id)).toEqual(['p1', 't1', 't2', 'm1', 'p2', 'm2']);
  });

  it('pages through the merged ranking and says whether more follow', () => {
    expect(mergeRanked(lists, 0, 4)).toMatchObject({ more: true });
    const second = mergeRanked(lists, 4, 4);
    expect(second.page.map((c) => c.id)).toEqual(['p2', 'm2']);
    expect(second.more).toBe(false);
  });
});

describe('snippets', () => {
  it('cuts around the first hit and marks every keyword', () => {
    const text = `${'前言'.repeat(40)}本周发布会的预算\n已确认，发布会在周五`;
    const { text: snippet, highlights } = snippetOf(text, ['发布会']);
    expect(snippet.startsWith('…')).toBe(true);
    expect(highlights.map(([s, e]) => snippet.slice(s, e))).toEqual(['发布会', '发布会']);
    expect(snippet).not.toContain('\n');
  });

  it('starts at the beginning when the text holds no hit (a title hit)', () => {
    expect(snippetOf('交付标准：签字', ['预算'])).toEqual({ text: '交付标准：签字', highlights: [] });
  });
});
