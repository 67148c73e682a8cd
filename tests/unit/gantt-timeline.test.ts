import { describe, expect, it } from 'vitest';
import { buildScale, dayAt, groupOf, isWeekend, xOf } from '@/components/tasks/gantt/timeline';
import { fromDayNumber, toDayNumber } from '@/lib/dates';

const day = toDayNumber;

describe('the Gantt time scale', () => {
  it('counts calendar days without time-zone drift', () => {
    expect(fromDayNumber(day('2026-12-03'))).toBe('2026-12-03');
    expect(day('2027-01-01') - day('2026-12-31')).toBe(1);
    expect([isWeekend(day('2026-12-05')), isWeekend(day('2026-12-06')), isWeekend(day('2026-12-07'))]).toEqual([true, true, false]);
  });

  it('lays out days with room either side', () => {
    const scale = buildScale('day', day('2026-12-03'), day('2026-12-08'));
    expect(fromDayNumber(scale.firstDay)).toBe('2026-11-30');
    expect(scale.columns).toHaveLength(scale.endDay - scale.firstDay);
    expect(xOf(scale, day('2026-12-03'))).toBe(3 * scale.dayWidth);
    expect(fromDayNumber(dayAt(scale, xOf(scale, day('2026-12-05')) + 5))).toBe('2026-12-05');
  });

  it('starts weeks on Monday', () => {
    const scale = buildScale('week', day('2026-12-03'), day('2026-12-20'));
    expect(scale.columns.every((c) => c.days === 7 && new Date(c.day * 86_400_000).getUTCDay() === 1)).toBe(true);
    expect(fromDayNumber(scale.columns[1]!.day)).toBe('2026-11-30');
  });

  it('gives months their own lengths and groups them by year', () => {
    const scale = buildScale('month', day('2026-12-15'), day('2027-02-10'));
    expect(scale.columns.map((c) => [fromDayNumber(c.day), c.days])).toEqual([['2026-12-01', 31], ['2027-01-01', 31], ['2027-02-01', 28], ['2027-03-01', 31]]);
    expect(scale.width).toBe((31 + 31 + 28 + 31) * scale.dayWidth);
    expect(scale.columns.map((c) => groupOf(scale, c))).toEqual([2026, 2027, 2027, 2027]);
  });
});
