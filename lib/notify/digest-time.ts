import { isoWeekday, utcToZonedTime } from '@/lib/dates';

/**
 * The local date whose digest is due at `now`, if any: today where the schedule lives, when
 * today is one of its days and its time has come. A process that was down at that time sends
 * it when it comes back the same day; a day missed entirely is not sent late (it would be stale).
 */
export function dueDigestDate(schedule: { timeOfDay: string; daysOfWeek: readonly number[]; timeZone: string }, now: Date): string | null {
  const local = utcToZonedTime(now, schedule.timeZone);
  const [date, time] = local.split('T') as [string, string];
  if (!schedule.daysOfWeek.includes(isoWeekday(date))) return null;
  return time >= schedule.timeOfDay ? date : null;
}
