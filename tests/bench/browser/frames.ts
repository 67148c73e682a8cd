// Smoothness: the intervals between animation frames while something moves. At 60 Hz a frame
// is 16.7 ms; a frame that took more than 25 ms is one the eye can catch as a stutter.
import type { Page } from '@playwright/test';
import { percentile } from '../percentile';

export interface FrameStats {
  /** Every frame interval, ms. */
  intervals: number[];
  meanFps: number;
  p50: number;
  p95: number;
  /** The longest frame: one stall (a drag's pick-up) hides below the p95 of a long run. */
  worst: number;
  over25: number;
  longTasks: number;
  longestTask: number;
}

function summarise(intervals: number[], longTasks: number[]): FrameStats {
  const total = intervals.reduce((sum, i) => sum + i, 0);
  return {
    intervals,
    meanFps: total ? (intervals.length * 1000) / total : 0,
    p50: percentile(intervals, 50),
    p95: percentile(intervals, 95),
    worst: Math.max(0, ...intervals),
    over25: intervals.filter((i) => i > 25).length,
    longTasks: longTasks.length,
    longestTask: Math.max(0, ...longTasks),
  };
}

/** Frame statistics from rAF timestamps, and the long tasks that started while they were taken. */
function frameStats(times: number[], longTasks: { start: number; end: number }[]): FrameStats {
  const first = times[0] ?? 0;
  const last = times[times.length - 1] ?? 0;
  const during = longTasks.filter((t) => t.start >= first && t.start <= last);
  return summarise(times.slice(1).map((t, i) => t - times[i]!), during.map((t) => t.end - t.start));
}

/** Several measurements as one: all their frames and long tasks together. */
export function mergeFrames(stats: FrameStats[]): FrameStats {
  const longest = stats.map((s) => s.longestTask);
  const merged = summarise(stats.flatMap((s) => s.intervals), []);
  return { ...merged, longTasks: stats.reduce((sum, s) => sum + s.longTasks, 0), longestTask: Math.max(0, ...longest) };
}

export interface ScrollPlan {
  /** The element to scroll; the document's scroller when absent. */
  selector?: string;
  axis: 'vertical' | 'horizontal';
  durationMs: number;
  /** Pixels per frame: 48 px at 60 Hz is ~2,900 px/s, a brisk wheel or flick. */
  step: number;
}

/**
 * Scrolls one step per animation frame, turning back at either end so the work stays the same,
 * and measures the frames. Programmatic scrolling is what a wheel does once it reaches the page,
 * minus the compositor's own smoothing, so it is a slightly harsher test than a real wheel.
 */
export async function measureScroll(page: Page, plan: ScrollPlan): Promise<FrameStats> {
  const times = await page.evaluate((plan) => new Promise<number[]>((resolve) => {
    const element = plan.selector ? document.querySelector(plan.selector)! : document.scrollingElement!;
    const vertical = plan.axis === 'vertical';
    // Measured once: reading sizes in every frame would force a layout of its own.
    const end = vertical ? element.scrollHeight - element.clientHeight : element.scrollWidth - element.clientWidth;
    let position = vertical ? element.scrollTop : element.scrollLeft;
    let direction = 1;
    let started: number | null = null;
    window.__bench.startFrames((time) => {
      started ??= time;
      if (position + plan.step * direction > end || position + plan.step * direction < 0) direction = -direction;
      position += plan.step * direction;
      if (vertical) element.scrollTop = position;
      else element.scrollLeft = position;
      if (time - started >= plan.durationMs) resolve(window.__bench.stopFrames());
    });
  }), plan);
  return frameStats(times, await longTasksSoFar(page));
}

/** Frames taken while the benchmark drives something from outside the page (a pointer drag). */
export async function measureFramesDuring(page: Page, action: () => Promise<void>): Promise<FrameStats> {
  await page.evaluate(() => window.__bench.startFrames());
  await action();
  const times = await page.evaluate(() => window.__bench.stopFrames());
  return frameStats(times, await longTasksSoFar(page));
}

/** Long tasks are reported a moment after they end: wait for those of the last frames first. */
async function longTasksSoFar(page: Page) {
  await page.waitForTimeout(300);
  return page.evaluate(() => window.__bench.longTasks);
}
