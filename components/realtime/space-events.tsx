'use client';

import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { SPACE_EVENT_TYPES, type SpaceEventType } from '@/lib/realtime/event-types';

/** A space event as a page receives it; `reset` means "reload": events were missed beyond replay. */
export type ClientSpaceEvent = { seq: number; type: SpaceEventType; data: Record<string, unknown> } | { seq: number; type: 'reset'; data: Record<string, never> };
type Listener = (event: ClientSpaceEvent) => void;

const SpaceEventsContext = createContext<{ subscribe(listener: Listener): () => void } | null>(null);

// Every kind the stream sends: a kind left out here would never reach a page.
const TYPES: readonly (SpaceEventType | 'reset')[] = [...SPACE_EVENT_TYPES, 'reset'];

/**
 * One event stream per open space, shared by everything on its pages. It starts after `since`
 * (the event number the page was rendered at), so nothing between render and connect is missed;
 * the browser resumes from the last id on its own after a drop, and repeats are dropped here.
 */
export function SpaceEventsProvider({ spaceId, since, children }: { spaceId: string; since: number; children: ReactNode }) {
  const listeners = useRef(new Set<Listener>());
  const [api] = useState(() => ({
    subscribe(listener: Listener) {
      listeners.current.add(listener);
      return () => void listeners.current.delete(listener);
    },
  }));

  // Where the first render left off. A refresh re-renders the layout with a newer number, but the
  // open stream already continues from there: it is not reopened.
  const start = useRef(since);

  useEffect(() => {
    let last = start.current;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    const handle = (type: SpaceEventType | 'reset' | 'ready') => (message: MessageEvent<string>) => {
      failures = 0;
      const seq = Number(message.lastEventId);
      if (type === 'ready') return void (last = Math.max(last, seq));
      if (type !== 'reset' && seq <= last) return;
      last = Math.max(last, seq);
      const event = { seq, type, data: JSON.parse(message.data) } as ClientSpaceEvent;
      for (const listener of listeners.current) listener(event);
    };
    // Opens the stream from the last event seen. The browser reconnects by itself after a drop;
    // when the server refused (a proxy's 502, a restart) or the device went offline, we do.
    const connect = () => {
      source?.close();
      source = new EventSource(`/api/v1/spaces/${encodeURIComponent(spaceId)}/events?lastEventId=${last}`);
      source.addEventListener('ready', handle('ready'));
      for (const type of TYPES) source.addEventListener(type, handle(type));
      source.addEventListener('error', () => {
        // Still refused after many tries (no longer a member, say): stop until the page is reloaded.
        if (source?.readyState !== EventSource.CLOSED || failures > 10) return;
        clearTimeout(retry);
        retry = setTimeout(connect, Math.min(30_000, 1000 * 2 ** failures++));
      });
    };
    const offline = () => {
      clearTimeout(retry);
      source?.close();
    };
    connect();
    window.addEventListener('online', connect);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', connect);
      window.removeEventListener('offline', offline);
      offline();
    };
  }, [spaceId]);

  return <SpaceEventsContext.Provider value={api}>{children}</SpaceEventsContext.Provider>;
}

/** Calls `onEvent` for each event of the open space (the latest `onEvent` is always used). */
export function useSpaceEvents(onEvent: Listener): void {
  const context = useContext(SpaceEventsContext);
  const latest = useRef(onEvent);
  useEffect(() => {
    latest.current = onEvent;
  });
  useEffect(() => context?.subscribe((event) => latest.current(event)), [context]);
}
