import { describe, expect, it } from 'vitest';
import { buildSearchQuery, documentVector, findHits } from '@/lib/search/cjk-bigrams';

describe('the CJK bigram tokeniser', () => {
  it('cuts Chinese runs into pairs with the last character alone, and keeps other words whole and lower-cased', () => {
    expect(documentVector('发布会预算')).toBe("'发布':1 '布会':2 '会预':3 '预算':4 '算':4");
    expect(documentVector('Q3 新品')).toBe("'q3':1 '新品':2 '品':2");
    expect(documentVector('年')).toBe("'年':1");
    // Full-width letters and digits are the ASCII ones.
    expect(documentVector('ＡＢＣ１２')).toBe("'abc12':1");
    expect(documentVector('——！')).toBe('');
  });

  it('keeps positions so that a phrase may continue from a Chinese run into the next word', () => {
    expect(documentVector('新品发布会Q3')).toBe("'新品':1 '品发':2 '发布':3 '布会':4 '会':4 'q3':5");
    expect(documentVector('会议会议')).toBe("'会议':1,3 '议会':2 '议':3");
  });

  it('asks for pairs as a phrase, one character as a prefix, words as prefixes, keywords all required', () => {
    expect(buildSearchQuery('发布会')).toEqual({ tsquery: "('发布' <-> '布会')", terms: ['发布会'] });
    expect(buildSearchQuery('预')?.tsquery).toBe("('预':*)");
    expect(buildSearchQuery(' Budget  预算 ')?.tsquery).toBe("('budget':*) & ('预算')");
    expect(buildSearchQuery('Q3发布')?.tsquery).toBe("('q3':* <-> '发布')");
    expect(buildSearchQuery('  ！？ ')).toBeNull();
  });

  it('finds where the terms occur, across case and full-width forms, merging overlaps', () => {
    const text = '发布会的预算：Ｂｕｄｇｅｔ 待定，发布会前确认';
    const hits = findHits(text, ['发布会', 'budget']);
    expect(hits.map(([a, b]) => text.slice(a, b))).toEqual(['发布会', 'Ｂｕｄｇｅｔ', '发布会']);
    expect(findHits('会议会议', ['议会', '会议'])).toEqual([[0, 4]]);
  });
});
