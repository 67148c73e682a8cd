import { RateLimited } from '@/lib/errors';

// How fast one person may post: a burst, then a steady rate. Per app process (each of several
// processes allows as much), which is enough to stop a runaway client or script.
const BURST = 20;
const PER_SECOND = 10;

const buckets = new Map<string, { tokens: number; at: number }>();

/** Takes one post from the user's allowance, or refuses with 429. */
export function takePostAllowance(userId: string, now = Date.now()): void {
  const bucket = buckets.get(userId) ?? { tokens: BURST, at: now };
  bucket.tokens = Math.min(BURST, bucket.tokens + ((now - bucket.at) / 1000) * PER_SECOND);
  bucket.at = now;
  if (bucket.tokens < 1) {
    buckets.set(userId, bucket);
    throw RateLimited('postRateLimited');
  }
  bucket.tokens -= 1;
  buckets.set(userId, bucket);
  // Forget people who have been quiet long enough to be full again, so the map stays small.
  if (buckets.size > 10_000) for (const [id, b] of buckets) if (now - b.at > (BURST / PER_SECOND) * 1000) buckets.delete(id);
}
