'use client';

import type { VirtualItem } from '@tanstack/react-virtual';
import { useId } from 'react';
import { toDayNumber } from '@/lib/dates';
import { editDates } from '@/lib/tasks/gantt-moves';
import type { GanttRow } from '@/lib/tasks/gantt-transfer';
import { isOverdue } from '@/lib/tasks/overdue';
import { GanttBar, type BarHandlers } from './gantt-bar';
import { GanttLinks } from './gantt-links';
import { isWeekend, ROW_HEIGHT, xOf, type Column, type Scale } from './timeline';
import type { DragPreview } from './use-bar-drag';

interface GanttBarsProps {
  rows: GanttRow[];
  /** The rows and columns in view (plus a few either side): only these are drawn. */
  rowItems: VirtualItem[];
  columnItems: VirtualItem[];
  scale: Scale;
  links: [number, number][];
  indexByNumber: ReadonlyMap<number, number>;
  critical: ReadonlySet<number>;
  showCritical: boolean;
  today: string;
  preview: DragPreview | null;
  selectedId: string | null;
  editable: boolean;
  pending: ReadonlySet<string>;
  labelOf: (task: GanttRow, dates: Pick<GanttRow, 'startDate' | 'dueDate'>) => string;
  describedBy: string;
  roleDescription: string;
  handlers: BarHandlers;
}

/**
 * The timeline as one SVG the size of the whole plan, holding only what is in view: column lines,
 * weekends, today, the arrows and the bars of the rows on screen. Its size and coordinates stay
 * put while scrolling, so the browser lays out only the rows that come and go (a window-sized SVG
 * that moved with the scroll re-laid out every label on every frame).
 */
export function GanttBars(props: GanttBarsProps) {
  const { rows, rowItems, columnItems, scale, critical, showCritical, today, preview, selectedId } = props;
  const markerId = useId();
  const firstItem = rowItems[0];
  const lastItem = rowItems[rowItems.length - 1];
  if (!firstItem || !lastItem) return null;
  const height = rows.length * ROW_HEIGHT;
  const todayX = xOf(scale, toDayNumber(today)) + scale.dayWidth / 2;
  const columns = columnItems.map((item) => scale.columns[item.index]).filter((c): c is Column => Boolean(c));
  const selectedIndex = selectedId ? rowItems.find((item) => rows[item.index]?.id === selectedId)?.index : undefined;

  return (
    <svg className="absolute top-0 left-0" width={scale.width} height={height} data-testid="gantt-timeline">
      <g aria-hidden="true">
        {scale.zoom === 'day' &&
          columns.filter((c) => isWeekend(c.day)).map((c) => (
            <rect key={`w${c.day}`} x={xOf(scale, c.day)} y={0} width={scale.dayWidth} height={height} className="fill-slate-50" />
          ))}
        {selectedIndex !== undefined && <rect x={0} y={selectedIndex * ROW_HEIGHT} width={scale.width} height={ROW_HEIGHT} className="fill-brand-50" />}
        {columns.map((c) => (
          <line key={`c${c.day}`} x1={xOf(scale, c.day)} x2={xOf(scale, c.day)} y1={0} y2={height} className="stroke-slate-100" />
        ))}
        {rowItems.map((item) => (
          <line key={`r${item.index}`} x1={0} x2={scale.width} y1={(item.index + 1) * ROW_HEIGHT - 0.5} y2={(item.index + 1) * ROW_HEIGHT - 0.5} className="stroke-slate-100" />
        ))}
        <line data-testid="gantt-today" x1={todayX} x2={todayX} y1={0} y2={height} strokeWidth={2} className="stroke-orange-500" />
      </g>
      <GanttLinks
        rows={rows}
        links={props.links}
        indexByNumber={props.indexByNumber}
        first={firstItem.index}
        last={lastItem.index}
        scale={scale}
        critical={critical}
        showCritical={showCritical}
        preview={preview}
        markerId={markerId}
      />
      {rowItems.map((item) => {
        const task = rows[item.index];
        if (!task) return null;
        const dragging = preview?.taskId === task.id;
        const dates = dragging ? editDates(task, preview.edit, preview.days) : task;
        return (
          <GanttBar
            key={task.id}
            task={task}
            index={item.index}
            dates={dates}
            scale={scale}
            labelOf={props.labelOf}
            critical={critical.has(task.number)}
            showCritical={showCritical}
            overdue={isOverdue({ dueDate: dates.dueDate, status: task.status }, today)}
            editable={props.editable}
            pending={props.pending.has(task.id)}
            dragging={dragging}
            describedBy={props.describedBy}
            roleDescription={props.roleDescription}
            handlers={props.handlers}
          />
        );
      })}
    </svg>
  );
}
