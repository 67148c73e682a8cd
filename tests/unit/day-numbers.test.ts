import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '@/lib/dates';

describe('calendar dates as day numbers', () => {
  it('agrees with the calendar on every day from 1900 to 2200, leap days included', () => {
    for (let day = -25_567; day <= 84_000; day++) {
      const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (fromDayNumber(day) !== date || toDayNumber(date) !== day) throw new Error(`${day} ${date} ${fromDayNumber(day)} ${toDayNumber(date)}`);
    }
    expect([toDayNumber('1970-01-01'), fromDayNumber(20_788), toDayNumber('2000-02-29')]).toEqual([0, '2026-12-01', 11_016]);
  });
});
