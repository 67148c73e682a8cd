import type { User } from '@/db/schema';
import { todayIn } from '@/lib/dates';
import { env } from '@/lib/env';

/** The user's time zone, or the installation's default (Asia/Shanghai unless configured). */
export const timeZoneOf = (user: Pick<User, 'timeZone'> | null | undefined) => user?.timeZone || env.DEFAULT_TIME_ZONE;

/** Today's date where the user is: what "overdue" and "due today" mean to them. */
export const todayFor = (user: Pick<User, 'timeZone'> | null | undefined) => todayIn(timeZoneOf(user));
