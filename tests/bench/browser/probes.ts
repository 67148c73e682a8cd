// What the benchmark watches from inside each page: installed before any of the page's own
// scripts run, so nothing that happens during loading is missed.
import type { BrowserContext } from '@playwright/test';

/** A condition an interaction waits for: announced by dnd-kit's live region, or a card inside a column. */
export type Outcome =
  | { announced: string }
  | { card: string; inColumn: string };

export interface Watch {
  /** `event.timeStamp` of the input that started it (the time the input was created), ms since navigation. */
  inputAt: number | null;
  /** When the page first showed the awaited change, and the end of the frame after it. */
  metAt: number | null;
  paintedAt: number | null;
}

export interface PageProbes {
  /** Main-thread tasks over 50 ms, ms since navigation. */
  longTasks: { start: number; end: number }[];
  /** Each time a client component set its `data-ready` marker (hydrated, handlers attached). */
  readyAt: number[];
  /** Each time the board stopped being busy (`aria-busy` back to false: a move saved and the server's board shown). */
  settledAt: number[];
  fcp: number | null;
  lcp: number | null;
  /** Event Timing entries (≥ 16 ms from input to the next paint), as INP counts them. */
  events: { name: string; start: number; duration: number }[];
  startFrames: (onFrame?: (time: number) => void) => void;
  stopFrames: () => number[];
  watch: (input: 'keydown' | 'pointerup', outcome: Outcome) => void;
  watched: Watch | null;
}

declare global {
  interface Window {
    __bench: PageProbes;
  }
}

// Runs in the page: kept self-contained, it is sent as source text.
function installProbes() {
  let frames: number[] = [];
  // One loop at a time; a loop stopped from inside its own callback must not schedule another frame.
  let loop = 0;
  const probes: PageProbes = {
    longTasks: [],
    readyAt: [],
    settledAt: [],
    fcp: null,
    lcp: null,
    events: [],
    startFrames(onFrame) {
      frames = [];
      const current = ++loop;
      const tick = (time: number) => {
        if (current !== loop) return;
        frames.push(time);
        onFrame?.(time);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    stopFrames() {
      loop++;
      return frames;
    },
    watch(input, outcome) {
      const state: Watch = { inputAt: null, metAt: null, paintedAt: null };
      probes.watched = state;
      const met = () =>
        'announced' in outcome
          ? [...document.querySelectorAll('[id^="DndLiveRegion"]')].some((e) => e.textContent?.includes(outcome.announced))
          : Boolean(document.querySelector(`[data-testid="${outcome.inColumn}"] [data-testid="${outcome.card}"]`));
      // Capture on window runs before the page's own listeners see the input.
      window.addEventListener(input, (event) => { state.inputAt = event.timeStamp; }, { capture: true, once: true });
      const observer = new MutationObserver(() => {
        if (state.inputAt === null || !met()) return;
        state.metAt = performance.now();
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => { state.paintedAt = performance.now(); }));
      });
      observer.observe(document, { subtree: true, childList: true, characterData: true });
    },
    watched: null,
  };
  window.__bench = probes;
  const observe = (type: string, handle: (entries: PerformanceEntryList) => void, extra: Record<string, unknown> = {}) =>
    new PerformanceObserver((list) => handle(list.getEntries())).observe({ type, buffered: true, ...extra });
  observe('longtask', (entries) => entries.forEach((e) => probes.longTasks.push({ start: e.startTime, end: e.startTime + e.duration })));
  observe('paint', (entries) => entries.forEach((e) => { if (e.name === 'first-contentful-paint') probes.fcp = e.startTime; }));
  observe('largest-contentful-paint', (entries) => { probes.lcp = entries[entries.length - 1]?.startTime ?? probes.lcp; });
  observe('event', (entries) => entries.forEach((e) => probes.events.push({ name: e.name, start: e.startTime, duration: e.duration })), { durationThreshold: 16 });
  new MutationObserver((records) => {
    for (const record of records) if ((record.target as Element).getAttribute('data-ready') === 'true') probes.readyAt.push(performance.now());
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
  new MutationObserver((records) => {
    for (const record of records) {
      const target = record.target as Element;
      if (target.getAttribute('data-testid') === 'task-board' && target.getAttribute('aria-busy') === 'false') probes.settledAt.push(performance.now());
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
}

/** Adds the probes to every page of the context. */
export async function addProbes(context: BrowserContext) {
  // tsx compiles with esbuild's keepNames, which wraps inner functions in `__name(…)`: give the page a no-op one.
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  await context.addInitScript(installProbes);
}
