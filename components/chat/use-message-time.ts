'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMemo } from 'react';

/** How a message's time reads in the user's time zone: 14:05 today, 昨天 14:05, 11月28日 14:05 earlier. */
export function useMessageTime(timeZone: string): (iso: string) => string {
  const locale = useLocale();
  const t = useTranslations('chat');
  return useMemo(() => {
    const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hour12: false });
    const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    const date = new Intl.DateTimeFormat(locale, { timeZone, month: 'short', day: 'numeric' });
    const dateWithYear = new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: 'short', day: 'numeric' });
    return (iso: string) => {
      const at = new Date(iso);
      const now = new Date();
      const today = day.format(now);
      const yesterday = day.format(new Date(now.getTime() - 86_400_000));
      const on = day.format(at);
      if (on === today) return time.format(at);
      if (on === yesterday) return `${t('yesterday')} ${time.format(at)}`;
      const label = on.slice(0, 4) === today.slice(0, 4) ? date.format(at) : dateWithYear.format(at);
      return `${label} ${time.format(at)}`;
    };
  }, [locale, t, timeZone]);
}
