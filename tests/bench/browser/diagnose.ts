// `--trace`: one traced run of each action the table measures, to say where a slow figure's
// time goes (script, style, layout, paint, GC, and which bundle files the script is in).
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { KEYBOARD_STEPS, keyOutcome, openBoard, putBack, TARGET, timeInput, dragOverTarget, waitForSettled } from './board';
import { measureScroll } from './frames';
import { timeLoad } from './load';
import { openPage } from './session';
import { formatBreakdown, traceAction } from './trace';

export type Diagnosis = [label: string, breakdown: string][];

async function traced(browser: Browser, page: Page, found: Diagnosis, label: string, action: () => Promise<unknown>) {
  found.push([label, formatBreakdown(await traceAction(browser, page.context(), page, action))]);
}

export async function diagnoseGantt(browser: Browser, context: BrowserContext, spaceId: string, cpuSlowdown: number): Promise<Diagnosis> {
  const found: Diagnosis = [];
  const page = await openPage(context, cpuSlowdown);
  const url = `/spaces/${spaceId}/gantt`;
  try {
    await timeLoad(page, url);
    await traced(browser, page, found, `Gantt load, CPU ${cpuSlowdown}x`, () => timeLoad(page, url));
    for (const axis of ['vertical', 'horizontal'] as const) {
      await traced(browser, page, found, `Gantt scroll ${axis}, CPU ${cpuSlowdown}x`, () => measureScroll(page, { selector: '[data-testid="gantt-scroll"]', axis, durationMs: 3000, step: 48 }));
    }
  } finally {
    await page.close();
  }
  return found;
}

/** The board's load, each keyboard step, and a pointer drag and its drop (each drop until the server's board is shown). */
export async function diagnoseBoard(browser: Browser, context: BrowserContext, spaceId: string, label: string): Promise<Diagnosis> {
  const found: Diagnosis = [];
  const page = await openPage(context, 1);
  const url = `/spaces/${spaceId}/board`;
  const settled = () => page.evaluate(() => window.__bench.watched!.inputAt!).then((dropAt) => waitForSettled(page, dropAt));
  try {
    await timeLoad(page, url);
    await traced(browser, page, found, `${label} load`, () => timeLoad(page, url));
    const keyboard = await openBoard(page, url);
    await keyboard.card.focus();
    for (const [name, key, outcome] of KEYBOARD_STEPS) {
      const step = () => timeInput(page, 'keydown', keyOutcome(outcome, keyboard.testId), () => page.keyboard.press(key));
      await traced(browser, page, found, `${label} keyboard ${name}`, name === 'drop' ? () => step().then(settled) : step);
    }
    await putBack(page, keyboard.taskId);
    const pointer = await openBoard(page, url);
    await traced(browser, page, found, `${label} pointer drag`, () => dragOverTarget(page, pointer.card));
    const drop = () => timeInput(page, 'pointerup', { card: pointer.testId, inColumn: TARGET }, () => page.mouse.up());
    await traced(browser, page, found, `${label} pointer drop`, () => drop().then(settled));
    await putBack(page, pointer.taskId);
  } finally {
    await page.close();
  }
  return found;
}

export function printDiagnosis(found: Diagnosis) {
  console.log('\nWhere the main thread spends its time (one traced run each; ms)');
  for (const [label, text] of found) console.log(`${label}\n    ${text}`);
}
