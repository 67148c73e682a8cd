'use client';

import { useEffect, useState } from 'react';
import type { SearchHit } from '@/lib/search/hydrate';

// Search results for the palette as the person types: asked for 200 ms after the last key, and
// an answer to an older query never replaces a newer one.

const DEBOUNCE_MS = 200;
const PALETTE_HITS = 8;

type State = 'idle' | 'loading' | 'done' | 'failed';

export function usePaletteSearch(query: string): { hits: SearchHit[]; state: State } {
  const [result, setResult] = useState<{ q: string; hits: SearchHit[]; state: State }>({ q: '', hits: [], state: 'idle' });
  const q = query.trim();
  useEffect(() => {
    if (!q) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setResult((r) => ({ ...r, state: 'loading' }));
      try {
        const response = await fetch(`/api/v1/search?q=${encodeURIComponent(q)}&limit=${PALETTE_HITS}`, { signal: controller.signal });
        // Nothing to search for (punctuation only) is not a failure: there are simply no results.
        const body = response.ok ? ((await response.json()) as { hits: SearchHit[] }) : { hits: [] };
        setResult({ q, hits: body.hits, state: response.ok || response.status === 422 ? 'done' : 'failed' });
      } catch {
        if (!controller.signal.aborted) setResult({ q, hits: [], state: 'failed' });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);
  if (!q) return { hits: [], state: 'idle' };
  return { hits: result.q === q ? result.hits : [], state: result.q === q ? result.state : 'loading' };
}
