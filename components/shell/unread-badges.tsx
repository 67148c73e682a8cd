'use client';

import { useTranslations } from 'next-intl';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { UNREAD_CAP } from '@/lib/chat/rules';

type Counts = Record<string, { unread: number; mentions: number }>;

const UnreadContext = createContext<Counts>({});
// Other spaces' chats are not streamed to this page; their counts are fetched this often.
const POLL_MS = 30_000;

/** Unread chat counts of the user's spaces for the navigation, kept fresh while the tab is visible. */
export function UnreadProvider({ initial, children }: { initial: Counts; children: ReactNode }) {
  const [counts, setCounts] = useState(initial);
  useEffect(() => {
    const load = () => {
      if (document.hidden) return;
      void fetch('/api/v1/me/unread').then((r) => (r.ok ? r.json() : null)).then((body: { spaces: Counts } | null) => body && setCounts(body.spaces), () => {});
    };
    const timer = setInterval(load, POLL_MS);
    document.addEventListener('visibilitychange', load);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', load);
    };
  }, []);
  return <UnreadContext.Provider value={counts}>{children}</UnreadContext.Provider>;
}

/** A space's unread count in the navigation: amber with @ when someone mentioned the user. */
export function UnreadBadge({ spaceId }: { spaceId: string }) {
  const t = useTranslations('chat');
  const count = useContext(UnreadContext)[spaceId];
  if (!count?.unread) return null;
  const label = count.unread >= UNREAD_CAP ? `${UNREAD_CAP - 1}+` : String(count.unread);
  return (
    <span
      className={`ml-auto shrink-0 rounded-full px-1.5 text-xs font-semibold text-white ${count.mentions ? 'bg-amber-500' : 'bg-red-600'}`}
      aria-label={count.mentions ? `${t('unreadBadge', { count: count.unread })}，${t('mentionBadge', { count: count.mentions })}` : t('unreadBadge', { count: count.unread })}
      data-testid="nav-unread"
    >
      {count.mentions ? `@${label}` : label}
    </span>
  );
}
