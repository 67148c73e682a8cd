// The board with one long column (1,000 cards in 待开始): loads to interactive, a card moved to
// 进行中 with the keyboard and with the pointer, and the long column scrolled.
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { TASK_STATUSES, type TaskStatus } from '@/lib/tasks/rules';
import type { BenchSpace } from '../bench-app';
import { measureFramesDuring, measureScroll, type FrameStats } from './frames';
import { timeLoads, waitForQuiet, type LoadTiming } from './load';
import type { Outcome } from './probes';
import { openPage } from './session';

export const LONG_COLUMN = 1000;

/** 1,000 cards waiting to start and a few in each other column. */
export const longColumnSpace: BenchSpace = {
  name: '千张卡片',
  plan: { tasks: LONG_COLUMN + 12, dependencies: 0, statusOf: (i): TaskStatus => (i < LONG_COLUMN ? 'todo' : TASK_STATUSES[1 + (i % 3)]!) },
};

/** Times from the input to the change on screen, ms. */
export interface InputResponse {
  /** The awaited change is in the DOM, and the end of the frame after it. */
  shown: number;
  painted: number;
  /** Event Timing's duration of the input (to the next paint, as INP measures), or null under 16 ms. */
  eventDuration: number | null;
}

export interface MoveFigures {
  /** Keyboard: Space (pick up), ArrowRight (over 进行中), Space (drop). Pointer: only the drop. */
  steps: Record<string, InputResponse>;
  /** Pointer drags: the frames while the card follows the pointer. */
  dragFrames?: FrameStats;
  /** From the drop to the board re-rendered with the server's answer. */
  settled: number;
  /** Longest main-thread task from the drop until then. */
  longestAfterDrop: number;
}

export interface BoardFigures {
  loads: LoadTiming[];
  /** Cards the long column holds (and scrolls through), how many of them are rendered at once, and the count in its header. */
  shown: number;
  rendered: number;
  total: number;
  keyboard: MoveFigures[];
  pointer: MoveFigures[];
  scroll: FrameStats;
}

const SOURCE = 'board-column-todo';
export const TARGET = 'board-column-in_progress';
const SETTLE_QUIET_MS = 1000;

/** Arms a watch in the page, performs the input, and waits until its outcome is painted. */
export async function timeInput(page: Page, input: 'keydown' | 'pointerup', outcome: Outcome, perform: () => Promise<void>): Promise<InputResponse> {
  await page.evaluate(({ input, outcome }) => window.__bench.watch(input, outcome), { input, outcome });
  await perform();
  await page.waitForFunction(() => window.__bench.watched?.paintedAt != null, undefined, { timeout: 30_000 });
  await page.waitForTimeout(300); // Event Timing reports after the paint, later still behind a long task
  return page.evaluate((input) => {
    const { inputAt, metAt, paintedAt } = window.__bench.watched!;
    const entry = window.__bench.events.find((e) => e.name === input && Math.abs(e.start - inputAt!) < 2);
    return { shown: metAt! - inputAt!, painted: paintedAt! - inputAt!, eventDuration: entry?.duration ?? null };
  }, input);
}

/** A fresh, quiet board and its first card in 待开始. */
export async function openBoard(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'commit' });
  await waitForQuiet(page, SETTLE_QUIET_MS);
  const card = page.getByTestId(SOURCE).locator('[data-testid^="board-card-"]').first();
  const testId = (await card.getAttribute('data-testid'))!;
  const href = (await card.locator('a').getAttribute('href'))!;
  return { card, testId, taskId: href.slice(href.lastIndexOf('/') + 1) };
}

/** Puts a moved card back into 待开始 through the API, so every move starts from a 1,000-card column. */
export async function putBack(page: Page, taskId: string) {
  const restored = await page.request.patch(`/api/v1/tasks/${taskId}`, { data: { status: 'todo' } });
  if (!restored.ok()) throw new Error(`could not put the card back: HTTP ${restored.status()}`);
}

/**
 * After a drop the server answers with its board, which the page shows; the board is busy until
 * then (`aria-busy`). Waits for that and for the page to go quiet.
 */
export async function waitForSettled(page: Page, dropAt: number) {
  await page.waitForFunction((dropAt) => window.__bench.settledAt.some((t) => t >= dropAt), dropAt, { timeout: 30_000 });
  await waitForQuiet(page, SETTLE_QUIET_MS);
}

/** Times the drop until the server's board is shown, then puts the card back. */
export async function settleAndPutBack(page: Page, dropAt: number, taskId: string) {
  await waitForSettled(page, dropAt);
  const figures = await page.evaluate((dropAt) => ({
    settled: window.__bench.settledAt.find((t) => t >= dropAt)! - dropAt,
    longestAfterDrop: Math.max(0, ...window.__bench.longTasks.filter((t) => t.start >= dropAt).map((t) => t.end - t.start)),
  }), dropAt);
  await putBack(page, taskId);
  return figures;
}

const dropTime = (page: Page) => page.evaluate(() => window.__bench.watched!.inputAt!);

/** The keyboard's way: Space picks the card up, ArrowRight takes it over 进行中, Space drops it. */
export const KEYBOARD_STEPS = [
  ['pickUp', 'Space', { announced: '移动到「待开始」' }],
  ['arrowRight', 'ArrowRight', { announced: '移动到「进行中」' }],
  ['drop', 'Space', null],
] as const;

export const keyOutcome = (outcome: Outcome | null, testId: string): Outcome => outcome ?? { card: testId, inColumn: TARGET };

async function moveWithKeyboard(page: Page, url: string): Promise<MoveFigures> {
  const { card, testId, taskId } = await openBoard(page, url);
  await card.focus();
  const steps: Record<string, InputResponse> = {};
  for (const [name, key, outcome] of KEYBOARD_STEPS) {
    steps[name] = await timeInput(page, 'keydown', keyOutcome(outcome, testId), () => page.keyboard.press(key));
  }
  return { steps, ...(await settleAndPutBack(page, await dropTime(page), taskId)) };
}

/** Presses on the card, then 60 moves one frame apart (about a second) onto the top of 进行中; does not release. */
export async function dragOverTarget(page: Page, card: Locator) {
  const from = (await card.boundingBox())!;
  const to = (await page.getByTestId(TARGET).boundingBox())!;
  const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  const end = { x: to.x + to.width / 2, y: to.y + 90 };
  const moves = 60;
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; i <= moves; i++) {
    await page.mouse.move(start.x + ((end.x - start.x) * i) / moves, start.y + ((end.y - start.y) * i) / moves);
    await page.evaluate(() => new Promise(requestAnimationFrame));
  }
}

async function moveWithPointer(page: Page, url: string): Promise<MoveFigures> {
  const { card, testId, taskId } = await openBoard(page, url);
  const dragFrames = await measureFramesDuring(page, () => dragOverTarget(page, card));
  const drop = await timeInput(page, 'pointerup', { card: testId, inColumn: TARGET }, () => page.mouse.up());
  return { steps: { drop }, dragFrames, ...(await settleAndPutBack(page, await dropTime(page), taskId)) };
}

export async function measureBoard(context: BrowserContext, spaceId: string, cpuSlowdown: number, runs: number, moves: number): Promise<BoardFigures> {
  const page = await openPage(context, cpuSlowdown);
  const url = `/spaces/${spaceId}/board`;
  try {
    const loads = await timeLoads(page, url, runs);
    const column = page.getByTestId(SOURCE);
    const shown = Number(await column.getAttribute('data-card-count'));
    const rendered = await column.locator('[data-testid^="board-card-"]').count();
    const total = Number(await column.getByTestId('wip-count').textContent());
    // The column scrolls within itself; its list holds all its cards.
    const scroll = await measureScroll(page, { selector: `[data-testid="${SOURCE}"] [data-testid="board-column-scroller"]`, axis: 'vertical', durationMs: 3000, step: 48 });
    const keyboard: MoveFigures[] = [];
    const pointer: MoveFigures[] = [];
    for (let i = 0; i < moves; i++) keyboard.push(await moveWithKeyboard(page, url));
    for (let i = 0; i < moves; i++) pointer.push(await moveWithPointer(page, url));
    return { loads, shown, rendered, total, keyboard, pointer, scroll };
  } finally {
    await page.close();
  }
}
