import { describe, expect, it } from 'vitest';
import { safeSegment, uniqueNames } from '@/lib/export/entry-names';
import { fillStatusCounts, groupDelayReasons, meanDays, onTimeRate, percent } from '@/lib/retro/fact-rules';
import { goalsFromSpaceGoal } from '@/lib/retro/queries';

describe('the retrospective’s figures', () => {
  it('has no on-time rate while nothing is done, rather than 0%', () => {
    expect(onTimeRate(0, 0)).toBeNull();
    expect(onTimeRate(4, 3)).toBe(0.75);
    expect(percent(2 / 3)).toBe('67%');
  });

  it('gives the mean time blocked in days with one decimal, none without entries', () => {
    expect(meanDays(0, 0)).toBeNull();
    expect(meanDays(3 * 86_400, 2)).toBe(1.5);
    expect(meanDays(3600, 1)).toBe(0);
  });

  it('groups delay reasons typed with other spacing or full-width characters, most frequent first', () => {
    expect(groupDelayReasons(['供应商 延期', ' 供应商　延期 ', null, '', '审批慢', 'ＡＢ', 'AB', 'AB'])).toEqual([
      { reason: 'AB', count: 3 }, { reason: '供应商 延期', count: 2 }, { reason: '审批慢', count: 1 },
    ]);
  });

  it('lists every status, zero where there is none', () => {
    expect(fillStatusCounts([{ status: 'done', n: 2 }])).toEqual({ todo: 0, in_progress: 0, done: 2, blocked: 0 });
  });

  it('pre-fills one goal per line of the space goal, without list markers or blank lines', () => {
    expect(goalsFromSpaceGoal('1. 按期上市\r\n\n- 销量破万\n  • 满意度 90%  ').map((g) => g.goal)).toEqual(['按期上市', '销量破万', '满意度 90%']);
  });
});

describe('names inside the space export', () => {
  it('makes every path segment safe for unzip tools and file systems', () => {
    expect(safeSegment('设计/稿:v2?.txt')).toBe('设计_稿_v2_.txt');
    expect(safeSegment('../..')).toBe('_');
    expect(safeSegment('.env')).toBe('env');
    expect(safeSegment('CON.txt')).toBe('_CON.txt');
    expect(safeSegment('   ', 'file')).toBe('file');
  });

  it('never hands out the same name twice, whatever the case', () => {
    const name = uniqueNames();
    expect(['files/a.txt', 'files/A.txt', 'files/a.txt', 'pages/x'].map(name)).toEqual(['files/a.txt', 'files/A (2).txt', 'files/a (3).txt', 'pages/x']);
  });
});
