'use client';

import { memo, type KeyboardEvent, type PointerEvent } from 'react';
import { toDayNumber } from '@/lib/dates';
import type { BarEdit } from '@/lib/tasks/gantt-moves';
import type { GanttRow } from '@/lib/tasks/gantt-transfer';
import type { ScheduledTask } from '@/lib/tasks/schedule';
import { ROW_HEIGHT, xOf, type Scale } from './timeline';

const BAR_HEIGHT = 18;
const DIAMOND = 8;
const HANDLE = 8;

const FILLS: Record<GanttRow['status'], string> = {
  todo: 'fill-slate-400',
  in_progress: 'fill-brand-600',
  done: 'fill-emerald-600',
  blocked: 'fill-amber-500',
};

export interface BarHandlers {
  start: (event: PointerEvent<SVGElement>, taskId: string, edit: BarEdit) => void;
  move: (event: PointerEvent<SVGElement>) => void;
  end: (event: PointerEvent<SVGElement>) => void;
  cancel: () => void;
  keyDown: (event: KeyboardEvent<SVGGElement>, task: GanttRow, index: number) => void;
  focus: (taskId: string) => void;
  hover: (taskId: string | null) => void;
  /** Called with each bar's element, to focus the one asked for after scrolling to it. */
  register: (taskId: string, element: SVGGElement | null) => void;
}

interface GanttBarProps {
  task: GanttRow;
  index: number;
  /** The dates to draw: the saved ones, or the ones being dragged to. */
  dates: Pick<ScheduledTask, 'startDate' | 'dueDate'>;
  scale: Scale;
  /** The accessible name: number, name and dates (computed here, so only for bars that change). */
  labelOf: (task: GanttRow, dates: Pick<ScheduledTask, 'startDate' | 'dueDate'>) => string;
  critical: boolean;
  showCritical: boolean;
  overdue: boolean;
  editable: boolean;
  pending: boolean;
  dragging: boolean;
  describedBy: string;
  roleDescription: string;
  handlers: BarHandlers;
}

/** One task: a bar from its first day to its due date, or a diamond for a milestone, with its name beside it. */
export const GanttBar = memo(function GanttBar(props: GanttBarProps) {
  const { task, index, dates, scale, labelOf, critical, showCritical, overdue, editable, pending, dragging, handlers } = props;
  const first = dates.startDate ?? dates.dueDate;
  const startDay = toDayNumber(first);
  const dueDay = toDayNumber(dates.dueDate);
  const top = index * ROW_HEIGHT;
  const middle = top + ROW_HEIGHT / 2;
  const x = xOf(scale, startDay);
  const width = Math.max(3, (dueDay - startDay + 1) * scale.dayWidth);
  const fill = overdue ? 'fill-red-600' : FILLS[task.status];
  const outline = critical && showCritical ? 'stroke-violet-700' : 'stroke-transparent';
  const canDrag = editable && !pending;
  const grab = (edit: BarEdit) => (canDrag ? (event: PointerEvent<SVGElement>) => handlers.start(event, task.id, edit) : undefined);
  const textX = task.isMilestone ? xOf(scale, dueDay) + scale.dayWidth / 2 + DIAMOND + 6 : x + width + 6;

  return (
    <g
      ref={(element) => handlers.register(task.id, element)}
      data-testid={`gantt-bar-${task.number}`}
      data-start={first}
      data-due={dates.dueDate}
      data-critical={critical || undefined}
      data-overdue={overdue || undefined}
      data-milestone={task.isMilestone || undefined}
      role="button"
      tabIndex={0}
      aria-label={labelOf(task, dates)}
      aria-roledescription={props.roleDescription}
      aria-describedby={props.describedBy}
      aria-busy={pending || undefined}
      className={`group outline-none ${pending ? 'opacity-60' : ''} ${canDrag ? (dragging ? 'cursor-grabbing' : 'cursor-grab') : 'cursor-pointer'}`}
      onKeyDown={(event) => handlers.keyDown(event, task, index)}
      onFocus={() => handlers.focus(task.id)}
      onPointerEnter={() => handlers.hover(task.id)}
      onPointerLeave={() => handlers.hover(null)}
      onPointerDown={grab('move')}
      onPointerMove={handlers.move}
      onPointerUp={handlers.end}
      onPointerCancel={handlers.cancel}
      onLostPointerCapture={dragging ? handlers.cancel : undefined}
      onClick={canDrag ? undefined : () => handlers.focus(task.id)}
    >
      {task.isMilestone ? (
        <Diamond cx={xOf(scale, dueDay) + scale.dayWidth / 2} cy={middle} className={`${fill} ${outline}`} />
      ) : (
        <>
          <rect x={x} y={middle - BAR_HEIGHT / 2} width={width} height={BAR_HEIGHT} rx={4} strokeWidth={2.5} className={`${fill} ${outline}`} />
          <rect
            x={x - 3} y={middle - BAR_HEIGHT / 2 - 3} width={width + 6} height={BAR_HEIGHT + 6} rx={6}
            className="hidden fill-none stroke-brand-600 group-focus-visible:inline" strokeWidth={2}
          />
          {canDrag && width >= 3 * HANDLE && (
            <>
              <rect x={x} y={middle - BAR_HEIGHT / 2} width={HANDLE} height={BAR_HEIGHT} className="cursor-ew-resize fill-transparent" onPointerDown={grab('start')} />
              <rect x={x + width - HANDLE} y={middle - BAR_HEIGHT / 2} width={HANDLE} height={BAR_HEIGHT} className="cursor-ew-resize fill-transparent" onPointerDown={grab('due')} />
            </>
          )}
        </>
      )}
      <text x={textX} y={middle} dominantBaseline="central" className="pointer-events-none fill-slate-700 text-xs select-none">
        {task.name}
      </text>
    </g>
  );
});

function Diamond({ cx, cy, className }: { cx: number; cy: number; className: string }) {
  const points = (r: number) => `${cx},${cy - r} ${cx + r},${cy} ${cx},${cy + r} ${cx - r},${cy}`;
  return (
    <>
      <polygon points={points(DIAMOND)} strokeWidth={2.5} className={className} />
      <polygon points={points(DIAMOND + 4)} strokeWidth={2} className="hidden fill-none stroke-brand-600 group-focus-visible:inline" />
    </>
  );
}
