'use server';

import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { userActor } from '@/lib/auth/actor';
import { getCurrentUser } from '@/lib/auth/session';
import { setOwnLocale } from '@/lib/org/service';
import { isLocale, LOCALE_COOKIE } from './config';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** Switches the interface language: saved on the signed-in user, and remembered in a cookie. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get('locale');
  if (!isLocale(locale)) return;
  const user = await getCurrentUser();
  if (user) await setOwnLocale(userActor(user), locale);
  (await cookies()).set(LOCALE_COOKIE, locale, {
    httpOnly: true, sameSite: 'lax', path: '/', maxAge: ONE_YEAR_SECONDS,
  });
  revalidatePath('/', 'layout');
}
