'use client';

import { memo } from 'react';
import { toDayNumber } from '@/lib/dates';
import { editDates } from '@/lib/tasks/gantt-moves';
import type { GanttRow } from '@/lib/tasks/gantt-transfer';
import { ROW_HEIGHT, xOf, type Scale } from './timeline';
import type { DragPreview } from './use-bar-drag';

interface GanttLinksProps {
  rows: GanttRow[];
  /** [from, to] task numbers: `to` waits for `from`. */
  links: [number, number][];
  indexByNumber: ReadonlyMap<number, number>;
  /** The first and last row drawn: an arrow is drawn when it passes through them. */
  first: number;
  last: number;
  scale: Scale;
  critical: ReadonlySet<number>;
  showCritical: boolean;
  preview: DragPreview | null;
  markerId: string;
}

const GAP = 6;

/** Where a bar starts and ends on the timeline, following a drag in progress. */
function span(task: GanttRow, scale: Scale, preview: DragPreview | null) {
  const dates = preview?.taskId === task.id ? editDates(task, preview.edit, preview.days) : task;
  const start = toDayNumber(dates.startDate ?? dates.dueDate);
  const due = toDayNumber(dates.dueDate);
  return task.isMilestone
    ? { from: xOf(scale, due) + scale.dayWidth / 2 - 8, to: xOf(scale, due) + scale.dayWidth / 2 + 8 }
    : { from: xOf(scale, start), to: xOf(scale, due + 1) };
}

/**
 * Finish-to-start arrows: out of the end of the task waited for, into the start of the one that
 * waits; around the rows when the successor starts right after (or, in bad data, before).
 */
export const GanttLinks = memo(function GanttLinks({ rows, links, indexByNumber, first, last, scale, critical, showCritical, preview, markerId }: GanttLinksProps) {
  const paths = [];
  for (const [from, to] of links) {
    const fromIndex = indexByNumber.get(from);
    const toIndex = indexByNumber.get(to);
    if (fromIndex === undefined || toIndex === undefined) continue;
    if (Math.max(fromIndex, toIndex) < first || Math.min(fromIndex, toIndex) > last) continue;
    const x1 = span(rows[fromIndex]!, scale, preview).to;
    const x2 = span(rows[toIndex]!, scale, preview).from;
    const y1 = fromIndex * ROW_HEIGHT + ROW_HEIGHT / 2;
    const y2 = toIndex * ROW_HEIGHT + ROW_HEIGHT / 2;
    let d: string;
    if (x2 - x1 >= 2 * GAP) d = `M${x1},${y1}H${x1 + GAP}V${y2}H${x2 - 1}`;
    else {
      const between = y2 > y1 ? y2 - ROW_HEIGHT / 2 : y2 + ROW_HEIGHT / 2;
      d = `M${x1},${y1}H${x1 + GAP}V${between}H${x2 - GAP}V${y2}H${x2 - 1}`;
    }
    const highlighted = showCritical && critical.has(from) && critical.has(to);
    paths.push(
      <path
        key={`${from}-${to}`}
        data-testid={`gantt-link-${from}-${to}`}
        d={d}
        fill="none"
        strokeWidth={highlighted ? 2 : 1.25}
        className={highlighted ? 'stroke-violet-700' : 'stroke-slate-400'}
        markerEnd={`url(#${markerId}${highlighted ? '-critical' : ''})`}
      />,
    );
  }
  return (
    <g aria-hidden="true" className="pointer-events-none">
      <defs>
        <marker id={markerId} viewBox="0 0 6 6" refX={5} refY={3} markerWidth={6} markerHeight={6} orient="auto">
          <path d="M0,0L6,3L0,6z" className="fill-slate-400" />
        </marker>
        <marker id={`${markerId}-critical`} viewBox="0 0 6 6" refX={5} refY={3} markerWidth={5} markerHeight={5} orient="auto">
          <path d="M0,0L6,3L0,6z" className="fill-violet-700" />
        </marker>
      </defs>
      {paths}
    </g>
  );
});
