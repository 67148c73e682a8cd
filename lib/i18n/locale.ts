import { cookies, headers } from 'next/headers';
import { getCurrentUser } from '@/lib/auth/session';
import { timeZoneOf } from '@/lib/org/time-zone';
import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from './config';

/** The request's language: the user's setting, then the cookie set on the sign-in page, then Accept-Language. */
export async function resolveRequestLocale(): Promise<Locale> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const user = await getCurrentUser().catch(() => null);
  if (isLocale(user?.locale)) return user.locale;
  const cookie = cookieStore.get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  return negotiateLocale(headerList.get('accept-language'));
}

export async function resolveRequestTimeZone(): Promise<string> {
  const user = await getCurrentUser().catch(() => null);
  return timeZoneOf(user);
}
