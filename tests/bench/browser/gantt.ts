// The Gantt page of the 5,000-task plan: loads to interactive, then the chart's own scroll box
// scrolled down the rows and along the days.
import type { BrowserContext } from '@playwright/test';
import { measureScroll, type FrameStats } from './frames';
import { timeLoads, type LoadTiming } from './load';
import { openPage } from './session';

export interface GanttFigures {
  loads: LoadTiming[];
  /** Bars in the DOM once loaded: the virtualiser's window, not the plan. */
  barsDrawn: number;
  /** What the toolbar says the chart holds ("5000 个任务"). */
  rowsLabel: string;
  vertical: FrameStats;
  horizontal: FrameStats;
}

const SCROLL_BOX = '[data-testid="gantt-scroll"]';
const SCROLL_MS = 3000;
const STEP = 48;

export async function measureGantt(context: BrowserContext, spaceId: string, cpuSlowdown: number, runs: number): Promise<GanttFigures> {
  const page = await openPage(context, cpuSlowdown);
  try {
    const loads = await timeLoads(page, `/spaces/${spaceId}/gantt`, runs);
    const barsDrawn = await page.locator('[data-testid^="gantt-bar-"]').count();
    if (!barsDrawn) throw new Error('the Gantt chart drew no bars');
    const rowsLabel = (await page.getByTestId('gantt-count').textContent()) ?? '';
    const vertical = await measureScroll(page, { selector: SCROLL_BOX, axis: 'vertical', durationMs: SCROLL_MS, step: STEP });
    const horizontal = await measureScroll(page, { selector: SCROLL_BOX, axis: 'horizontal', durationMs: SCROLL_MS, step: STEP });
    return { loads, barsDrawn, rowsLabel, vertical, horizontal };
  } finally {
    await page.close();
  }
}
