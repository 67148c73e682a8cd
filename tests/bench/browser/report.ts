// The figures as one compact table: each measure against the bar, with the ratio
// figure/target (≤ 1 meets it) and, under it, what explains the figure.
import { percentile } from '../percentile';
import type { BoardFigures, MoveFigures, InputResponse } from './board';
import { mergeFrames, type FrameStats } from './frames';
import type { LoadTiming } from './load';

export interface Row {
  label: string;
  p50: number;
  p95: number;
  /** What the figure (p95) is held to, and the most it may be to pass; no target: informational. */
  target?: { value: number; limit: number; text: string };
  detail: string;
}

/** Issue 5: interactive in under 1.5 s. */
const TTI_TARGET = { value: 1500, limit: 1500, text: '< 1500 ms' };
/** 60 fps is a frame every 16.7 ms; a p95 up to 20 ms still reads as smooth. */
const FRAME_TARGET = { value: 16.7, limit: 20, text: '≤ 16.7–20 ms' };
/** "Responsive": the answer to an input on screen within 100 ms (RAIL; INP counts 200 ms as good). */
const INPUT_TARGET = { value: 100, limit: 100, text: '≤ 100 ms' };

const ms = (value: number | null | undefined) => (value === null || value === undefined ? '–' : value.toFixed(0));
const p50 = (values: number[]) => percentile(values, 50);
const p95 = (values: number[]) => percentile(values, 95);

export function loadRow(label: string, loads: LoadTiming[]): Row {
  const tti = loads.map((l) => l.tti);
  const of = (pick: (l: LoadTiming) => number | null) => ms(p50(loads.map(pick).filter((v): v is number => v !== null)));
  const last = loads[loads.length - 1]!;
  return {
    label: `${label}: time to interactive`,
    p50: p50(tti),
    p95: p95(tti),
    target: TTI_TARGET,
    detail: [
      `each ${tti.map(ms).join(' ')}`,
      `p50 of: TTFB ${of((l) => l.ttfb)}, FCP ${of((l) => l.fcp)}, LCP ${of((l) => l.lcp)}, hydrated ${of((l) => l.ready)}; long tasks ${of((l) => l.longTasks)} (longest ${of((l) => l.longestTask)}), blocking ${of((l) => l.blocking)}`,
      `HTML ${last.htmlKB.toFixed(0)} KB, scripts ${last.scriptKB.toFixed(0)} KB`,
    ].join('; '),
  };
}

export function frameRow(label: string, stats: FrameStats): Row {
  return {
    label: `${label}: frame interval`,
    p50: stats.p50,
    p95: stats.p95,
    target: FRAME_TARGET,
    detail: `${stats.meanFps.toFixed(1)} fps over ${stats.intervals.length} frames, ${stats.over25} over 25 ms, worst ${ms(stats.worst)}; ${stats.longTasks} long tasks (longest ${ms(stats.longestTask)})`,
  };
}

function responseRow(label: string, responses: InputResponse[]): Row {
  const painted = responses.map((r) => r.painted);
  return {
    label: `${label}: input → next frame`,
    p50: p50(painted),
    p95: p95(painted),
    target: INPUT_TARGET,
    detail: `each ${painted.map(ms).join(' ')}; in the DOM after ${responses.map((r) => ms(r.shown)).join(' ')}; Event Timing ${responses.map((r) => (r.eventDuration === null ? '<16' : ms(r.eventDuration))).join(' ')}`,
  };
}

function settleRow(label: string, moves: MoveFigures[]): Row {
  const settled = moves.map((m) => m.settled);
  return {
    label: `${label}: drop → board re-rendered from the server`,
    p50: p50(settled),
    p95: p95(settled),
    detail: `each ${settled.map(ms).join(' ')}; longest task after the drop ${moves.map((m) => ms(m.longestAfterDrop)).join(' ')}`,
  };
}

export function boardRows(label: string, board: BoardFigures): Row[] {
  const step = (moves: MoveFigures[], name: string) => moves.map((m) => m.steps[name]!);
  const shown = `${label} (column holds ${board.shown} of ${board.total}, ${board.rendered} rendered)`;
  return [
    loadRow(shown, board.loads),
    frameRow(`${label}, long column scrolled`, board.scroll),
    responseRow(`${label}, keyboard Space (pick up)`, step(board.keyboard, 'pickUp')),
    responseRow(`${label}, keyboard ArrowRight (over in progress)`, step(board.keyboard, 'arrowRight')),
    responseRow(`${label}, keyboard Space (drop)`, step(board.keyboard, 'drop')),
    settleRow(`${label}, keyboard`, board.keyboard),
    frameRow(`${label}, pointer drag`, mergeFrames(board.pointer.map((m) => m.dragFrames!))),
    responseRow(`${label}, pointer release (drop)`, step(board.pointer, 'drop')),
    settleRow(`${label}, pointer`, board.pointer),
  ];
}

/** Prints the rows: figure columns, target, ratio p95/target and verdict, the detail indented below. */
export function printTable(title: string, rows: Row[]) {
  const width = Math.max(...rows.map((r) => r.label.length)) + 2;
  console.log(`\n${title}`);
  console.log(`${'measure'.padEnd(width)}${'p50'.padStart(8)}${'p95'.padStart(8)}  ${'target'.padEnd(14)}${'ratio'.padStart(6)}  verdict`);
  for (const row of rows) {
    const ratio = row.target ? (row.p95 / row.target.value).toFixed(2) : '';
    const verdict = row.target ? (row.p95 <= row.target.limit ? 'meets' : 'MISSES') : '';
    console.log(`${row.label.padEnd(width)}${row.p50.toFixed(1).padStart(8)}${row.p95.toFixed(1).padStart(8)}  ${(row.target?.text ?? '').padEnd(14)}${ratio.padStart(6)}  ${verdict}`);
    console.log(`${' '.repeat(4)}${row.detail}`);
  }
}
