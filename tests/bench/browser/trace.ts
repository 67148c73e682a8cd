// Where the page's main thread spends its time during one action: a Chromium trace gives the
// self time of each kind of work (script, style, layout, paint…), a sampled CPU profile gives
// which bundle the script time is in (the bundles are minified: files, not functions, are what
// can be named). For explaining a figure, not for the figures themselves: both add overhead.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[];
  samples: number[];
  timeDeltas: number[];
}

export interface Breakdown {
  busyMs: number;
  longTasks: number;
  longTaskMs: number;
  /** Self time by trace event name, most first ("task (other)": time no finer event covers). */
  byEvent: [string, number][];
  /** Sampled script self time by bundle, most first. */
  byBundle: [string, number][];
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'];
const isTask = (name: string) => name === 'RunTask' || name.endsWith('::RunTask');

const top = (totals: Map<string, number>, n: number, unit = 1000) =>
  [...totals].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, value]) => [name, value / unit] as [string, number]);

const add = (totals: Map<string, number>, key: string, value: number) => totals.set(key, (totals.get(key) ?? 0) + value);

/** The renderer main thread that worked most: the page under test. */
function mainThread(events: TraceEvent[]) {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const busy = new Map<string, number>();
  for (const e of events) if (e.ph === 'X' && isTask(e.name) && mains.has(`${e.pid}:${e.tid}`)) add(busy, `${e.pid}:${e.tid}`, e.dur ?? 0);
  return top(busy, 1)[0]?.[0];
}

/** Self times from nested complete events (each event's duration less its direct children's), and the outermost tasks. */
function traceBreakdown(events: TraceEvent[]) {
  const thread = mainThread(events);
  const own = events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === thread).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const byEvent = new Map<string, number>();
  const outermost: number[] = [];
  const stack: { event: TraceEvent; end: number; children: number }[] = [];
  const finish = () => {
    const { event, children } = stack.pop()!;
    add(byEvent, isTask(event.name) ? 'task (other)' : event.name, (event.dur ?? 0) - children);
  };
  for (const event of own) {
    while (stack.length && stack[stack.length - 1]!.end <= event.ts) finish();
    const parent = stack[stack.length - 1];
    if (parent) parent.children += event.dur ?? 0;
    else if (isTask(event.name)) outermost.push(event.dur ?? 0);
    stack.push({ event, end: event.ts + (event.dur ?? 0), children: 0 });
  }
  while (stack.length) finish();
  const long = outermost.filter((dur) => dur > 50_000);
  return {
    busyMs: outermost.reduce((sum, dur) => sum + dur, 0) / 1000,
    longTasks: long.length,
    longTaskMs: long.reduce((sum, dur) => sum + dur, 0) / 1000,
    byEvent: top(byEvent, 7),
  };
}

/** What a bundle holds, told by a string only that code contains. */
const BUNDLE_SIGNATURES: [string, string][] = [
  ['react-dom', 'React DOM'],
  ['DndLiveRegion', 'dnd-kit'],
  ['gantt-bar-', 'Gantt components + react-virtual'],
  ['board-card-', 'board components'],
  ['next-router-state-tree', 'Next router'],
  ['IntlMessageFormat', 'intl-messageformat'],
];
const bundleNames = new Map<string, string>();

function bundleName(url: string) {
  if (!url) return '(not script: style, layout, paint, GC)';
  const file = url.replace(/^.*\//, '').replace(/\?.*$/, '');
  if (!bundleNames.has(file)) {
    let source = '';
    try {
      source = readFileSync(`.next/static/chunks/${file}`, 'utf8');
    } catch {
      // Not one of the app's bundles (an inline script, an extension): the file name is all there is.
    }
    bundleNames.set(file, BUNDLE_SIGNATURES.find(([signature]) => source.includes(signature))?.[1] ?? file);
  }
  return bundleNames.get(file)!;
}

/** Self time per bundle: each sample's interval goes to the function it landed in. */
function profileBreakdown(profile: CpuProfile) {
  const urlOf = new Map(profile.nodes.map((n) => [n.id, n.callFrame.functionName === '(idle)' ? null : n.callFrame.url]));
  const byBundle = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const url = urlOf.get(id);
    if (url !== null && url !== undefined) add(byBundle, bundleName(url), profile.timeDeltas[i + 1] ?? 0);
  });
  return top(byBundle, 5);
}

/** Runs `action` under a Chromium trace and a CPU profile of `page`, and breaks the main thread's work down. */
export async function traceAction(browser: Browser, context: BrowserContext, page: Page, action: () => Promise<unknown>): Promise<Breakdown> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await browser.startTracing(page, { categories: CATEGORIES });
  await cdp.send('Profiler.start');
  const outcome = await action().then(() => null, (error: unknown) => ({ error }));
  const { profile } = await cdp.send('Profiler.stop');
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  await cdp.detach();
  if (outcome) throw outcome.error;
  return { ...traceBreakdown(trace.traceEvents), byBundle: profileBreakdown(profile as CpuProfile) };
}

export const formatBreakdown = (b: Breakdown) =>
  `main thread busy ${b.busyMs.toFixed(0)} ms, ${b.longTasks} long tasks (${b.longTaskMs.toFixed(0)} ms)\n` +
  `    by kind: ${b.byEvent.map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join(', ')}\n` +
  `    script by bundle: ${b.byBundle.map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join(', ')}`;
