import { systemActor } from '@/lib/auth/actor';
import { env } from '@/lib/env';
import { isDomainError } from '@/lib/errors';
import { installationOrganization } from '@/lib/org/service';
import { configuredSources, type ConfiguredSource } from './sources';
import { applyScheduledSync } from './sync';

/** The start of the schedule's current slot: every process computes the same one. */
export function syncSlotStart(now: Date, intervalMinutes: number): Date {
  const every = intervalMinutes * 60_000;
  return new Date(Math.floor(now.getTime() / every) * every);
}

/**
 * Applies every configured source once per interval. Safe in several processes at once: a run holds
 * the source's advisory lock, and a run already recorded for this slot makes the others skip it.
 * Returns the sources that ran here.
 */
export async function runScheduledSyncs(
  now: Date,
  options: { intervalMinutes?: number; sources?: ConfiguredSource[] } = {},
): Promise<string[]> {
  const interval = options.intervalMinutes ?? env.DIRECTORY_SYNC_INTERVAL_MINUTES;
  if (!interval) return [];
  const sources = options.sources ?? configuredSources();
  if (!sources.length) return [];
  // The configured directories belong to the installation's organisation.
  const organization = await installationOrganization();
  if (!organization) return [];
  const slotStart = syncSlotStart(now, interval);
  const ran: string[] = [];
  for (const { source, reader } of sources) {
    try {
      const run = await applyScheduledSync(systemActor, organization.id, reader(), slotStart, now);
      if (run) ran.push(source);
    } catch (error) {
      // Another process holds this source's run: it is done for this slot.
      if (!isDomainError(error) || error.messageKey !== 'directory.errors.running') throw error;
    }
  }
  return ran;
}
