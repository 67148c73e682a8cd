'use client';

import { useCallback, useMemo, useSyncExternalStore } from 'react';

/** Whether a CSS media query matches, kept current; false while rendering on the server. */
export function useMediaQuery(query: string): boolean {
  // One MediaQueryList per query: asking matchMedia again on every render costs while scrolling.
  const list = useMemo(() => (typeof window === 'undefined' ? null : window.matchMedia(query)), [query]);
  const subscribe = useCallback((onChange: () => void) => {
    list?.addEventListener('change', onChange);
    return () => list?.removeEventListener('change', onChange);
  }, [list]);
  return useSyncExternalStore(subscribe, () => list?.matches ?? false, () => false);
}
