const MINUTE = 60_000;

/**
 * Waits after the 1st, 2nd, … failed attempt: quick at first for a blip, then spread over about
 * nine hours so a mail server or robot that is down for a night's maintenance still gets the
 * message. No jitter: the outbox is one queue, so there is no herd to spread.
 */
export const DELIVERY_RETRY_DELAYS_MS = [1, 5, 30, 120, 360].map((minutes) => minutes * MINUTE);

/** Attempts one delivery gets in all: the first and one per retry delay. */
export const MAX_DELIVERY_ATTEMPTS = DELIVERY_RETRY_DELAYS_MS.length + 1;

/**
 * When to try again after `attempt` attempts (1 = the first one) have failed, or null once
 * `MAX_DELIVERY_ATTEMPTS` are spent and the delivery is given up.
 */
export function nextAttemptAt(attempt: number, now: Date): Date | null {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be a whole number from 1, got ${attempt}`);
  const delay = DELIVERY_RETRY_DELAYS_MS[attempt - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay);
}
