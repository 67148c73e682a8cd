import type { RetroFacts } from './rules';

// The pure parts of the retrospective's figures, kept apart from the SQL so edge cases are tested alone.

/** Share of done tasks finished on time; null when nothing is done (0% would read as "all late"). */
export function onTimeRate(done: number, doneOnTime: number): number | null {
  return done > 0 ? doneOnTime / done : null;
}

/** Mean of durations in seconds, as days with one decimal; null for none. */
export function meanDays(totalSeconds: number, count: number): number | null {
  if (count <= 0) return null;
  return Math.round((totalSeconds / count / 86_400) * 10) / 10;
}

const normaliseReason = (reason: string) => reason.normalize('NFKC').replace(/\s+/g, ' ').trim();

/** The same reason typed with other spacing counts once; most frequent first, then by text. */
export function groupDelayReasons(reasons: readonly (string | null)[]): RetroFacts['delayReasons'] {
  const counts = new Map<string, number>();
  for (const raw of reasons) {
    const reason = raw ? normaliseReason(raw) : '';
    if (reason) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason, 'zh-CN'));
}

/** Every status with its count, zero where the space has none. */
export function fillStatusCounts(rows: readonly { status: string; n: number }[]): RetroFacts['byStatus'] {
  const byStatus: RetroFacts['byStatus'] = { todo: 0, in_progress: 0, done: 0, blocked: 0 };
  for (const row of rows) if (row.status in byStatus) byStatus[row.status as keyof typeof byStatus] = row.n;
  return byStatus;
}

/** A rate as a whole percentage for people to read ("—" is the caller's job for null). */
export const percent = (rate: number) => `${Math.round(rate * 100)}%`;
