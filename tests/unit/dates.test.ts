import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, todayIn } from '@/lib/dates';

describe('calendar dates', () => {
  it('takes today from the user’s time zone, not the server’s', () => {
    const lateUtc = new Date('2026-11-28T20:00:00Z');
    expect(todayIn('Asia/Shanghai', lateUtc)).toBe('2026-11-29');
    expect(todayIn('America/New_York', lateUtc)).toBe('2026-11-28');
  });

  it('adds days across month and year ends and counts days between dates', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(daysBetween('2026-12-01', '2027-02-28')).toBe(89);
  });
});
