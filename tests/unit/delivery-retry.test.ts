import { describe, expect, it } from 'vitest';
import { MAX_DELIVERY_ATTEMPTS, nextAttemptAt } from '@/lib/notify/channels/retry';

const now = new Date('2025-03-01T08:00:00Z');
const minutesAfterNow = (date: Date | null) => (date ? (date.getTime() - now.getTime()) / 60_000 : null);

describe('nextAttemptAt', () => {
  it('waits 1 min, 5 min, 30 min, 2 h and 6 h after the successive failures', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => minutesAfterNow(nextAttemptAt(attempt, now)))).toEqual([1, 5, 30, 120, 360]);
  });

  it('gives up once the last attempt has failed', () => {
    expect(MAX_DELIVERY_ATTEMPTS).toBe(6);
    expect(nextAttemptAt(MAX_DELIVERY_ATTEMPTS - 1, now)).not.toBeNull();
    expect(nextAttemptAt(MAX_DELIVERY_ATTEMPTS, now)).toBeNull();
    expect(nextAttemptAt(MAX_DELIVERY_ATTEMPTS + 3, now)).toBeNull();
  });

  it('is the same for the same input', () => {
    expect(nextAttemptAt(3, now)).toEqual(nextAttemptAt(3, new Date(now)));
  });

  it('refuses an attempt count that is not a whole number from 1', () => {
    for (const attempt of [0, -1, 1.5, Number.NaN]) expect(() => nextAttemptAt(attempt, now)).toThrow(RangeError);
  });
});
