import { addDays, isoWeekday, utcToZonedTime, zonedTimeToUtc } from '@/lib/dates';

// When a comment is due for an answer. Pure: the caller passes the time, the zone and the rule.

const HOUR_MS = 3_600_000;
const WORKDAY_START = '09:00';
const WORKDAY_END = '18:00';

/** Monday–Friday, for a `YYYY-MM-DD` local date. */
function isWorkday(date: string): boolean {
  return isoWeekday(date) <= 5;
}

/**
 * The moment `hours` have passed since `from`: on the clock, or, with `workingHoursOnly`, counting
 * only Monday–Friday 09:00–18:00 in `timeZone` (Friday 17:00 + 2 hours is Monday 10:00). A comment
 * written at night or on a weekend starts counting at the next working morning.
 */
export function responseDueAt(from: Date, hours: number, workingHoursOnly: boolean, timeZone: string): Date {
  if (!workingHoursOnly) return new Date(from.getTime() + hours * HOUR_MS);
  let remaining = hours * HOUR_MS;
  let cursor = from.getTime();
  let date = utcToZonedTime(from, timeZone).slice(0, 10);
  // Each pass consumes one local day; 168 hours is under 19 working days, so this ends quickly.
  for (;;) {
    if (isWorkday(date)) {
      const start = zonedTimeToUtc(`${date}T${WORKDAY_START}`, timeZone).getTime();
      const end = zonedTimeToUtc(`${date}T${WORKDAY_END}`, timeZone).getTime();
      const begin = Math.max(cursor, start);
      if (begin < end) {
        if (remaining <= end - begin) return new Date(begin + remaining);
        remaining -= end - begin;
      }
    }
    date = addDays(date, 1);
    cursor = zonedTimeToUtc(`${date}T00:00`, timeZone).getTime();
  }
}
