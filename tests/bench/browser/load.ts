// Page loads timed from navigation start to "interactive".
//
// Interactive, as defined here: the view's client component has hydrated (its effect set
// `data-ready`, so the bars or cards are on screen with their handlers attached) AND the main
// thread has gone quiet: TTI is the later of that moment and the end of the last long task
// (> 50 ms) before the first 5-second window without one, as Lighthouse's TTI, minus its
// network-quiet condition (the app is on localhost). Work React or the router does after
// hydration therefore counts, and a page that paints early but stays busy does not pass.
import type { Page } from '@playwright/test';

/** Lighthouse's quiet window. Interactions use a shorter one just to start from a settled page. */
export const TTI_QUIET_MS = 5000;

export interface LoadTiming {
  tti: number;
  /** When `data-ready` was set. */
  ready: number;
  ttfb: number;
  fcp: number | null;
  lcp: number | null;
  longTasks: number;
  longestTask: number;
  /** Total blocking time: what the long tasks between FCP and TTI ran beyond 50 ms each. */
  blocking: number;
  htmlKB: number;
  scriptKB: number;
}

/** Waits until the page is ready and `quietMs` have passed without a long task; returns when it went quiet. */
export async function waitForQuiet(page: Page, quietMs: number, readyCount = 1, timeoutMs = 90_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const state = await page.evaluate(({ readyCount }) => {
      const probes = window.__bench;
      const ready = probes.readyAt[readyCount - 1];
      if (ready === undefined) return null;
      const lastEnd = Math.max(0, ...probes.longTasks.map((t) => t.end));
      return { now: performance.now(), quietFrom: Math.max(ready, lastEnd) };
    }, { readyCount });
    if (state && state.now - state.quietFrom >= quietMs) return state.quietFrom;
    await page.waitForTimeout(200);
  }
  throw new Error(`${page.url()} did not become ready and quiet within ${timeoutMs / 1000} s`);
}

/** Loads `url` in `page` and times it (the page is left loaded and quiet). */
export async function timeLoad(page: Page, url: string): Promise<LoadTiming> {
  await page.goto(url, { waitUntil: 'commit' });
  const tti = await waitForQuiet(page, TTI_QUIET_MS);
  return page.evaluate((tti) => {
    const probes = window.__bench;
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.initiatorType === 'script');
    const fcp = probes.fcp ?? 0;
    const durations = probes.longTasks.map((t) => t.end - t.start);
    return {
      tti,
      ready: probes.readyAt[0]!,
      ttfb: navigation.responseStart,
      fcp: probes.fcp,
      lcp: probes.lcp,
      longTasks: durations.length,
      longestTask: Math.max(0, ...durations),
      blocking: probes.longTasks.filter((t) => t.start >= fcp).reduce((sum, t) => sum + Math.max(0, t.end - t.start - 50), 0),
      htmlKB: navigation.decodedBodySize / 1024,
      scriptKB: scripts.reduce((sum, r) => sum + r.decodedBodySize, 0) / 1024,
    };
  }, tti);
}

/** One warm-up load (fills the HTTP cache, as for someone who has used the app before), then `runs` timed ones. */
export async function timeLoads(page: Page, url: string, runs: number): Promise<LoadTiming[]> {
  await timeLoad(page, url);
  const timings: LoadTiming[] = [];
  for (let i = 0; i < runs; i++) timings.push(await timeLoad(page, url));
  return timings;
}
