'use client';

import { Bell } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

/** The count shown on the badge; more reads as 99+. */
const BADGE_MAX = 99;

/**
 * The bell with the unread count, kept live by the person's notification stream (the browser
 * reconnects it by itself after a drop; every event carries the whole count).
 */
export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const t = useTranslations('notifications');
  const [unread, setUnread] = useState(initialUnread);
  useEffect(() => {
    const source = new EventSource('/api/v1/notifications/stream');
    source.addEventListener('unread', (event) => {
      const body = JSON.parse((event as MessageEvent<string>).data) as { unread: number };
      setUnread(body.unread);
    });
    return () => source.close();
  }, []);
  return (
    <Link
      href="/notifications"
      aria-label={unread ? t('bellUnread', { count: unread }) : t('bell')}
      data-testid="notification-bell"
      className="relative inline-flex size-10 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100"
    >
      <Bell className="size-5" aria-hidden="true" />
      {unread > 0 && (
        <span data-testid="notification-count" className="absolute top-1 right-1 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] leading-4 font-semibold text-white">
          {unread > BADGE_MAX ? `${BADGE_MAX}+` : unread}
        </span>
      )}
    </Link>
  );
}
