'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import type { SpaceEventType } from '@/lib/realtime/event-types';
import { useSpaceEvents } from './space-events';

// A busy space can change many times a second; one re-render per interval is enough.
const MIN_INTERVAL_MS = 1500;

/**
 * Re-renders the page (router.refresh) when the space's stream says something it shows has
 * changed, at most once per interval, and not while the tab is hidden (it catches up when shown).
 * Changes the viewer made themselves are already on their screen.
 */
export function RefreshOnEvents({ types, viewerId }: { types: readonly SpaceEventType[]; viewerId: string }) {
  const router = useRouter();
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stale = useRef(false);

  const refresh = () => {
    if (document.hidden) return void (stale.current = true);
    if (timer.current) return;
    const wait = Math.max(0, last.current + MIN_INTERVAL_MS - Date.now());
    timer.current = setTimeout(() => {
      timer.current = null;
      last.current = Date.now();
      stale.current = false;
      router.refresh();
    }, wait);
  };

  useSpaceEvents((event) => {
    if (event.type === 'reset') return refresh();
    if (!types.includes(event.type) || event.data.by === viewerId) return;
    refresh();
  });

  useEffect(() => {
    const onVisible = () => {
      if (!document.hidden && stale.current) refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      if (timer.current) clearTimeout(timer.current);
    };
  });
  return null;
}
