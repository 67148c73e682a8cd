'use client';

import type { VirtualItem } from '@tanstack/react-virtual';
import { useFormatter } from 'next-intl';
import { memo } from 'react';
import { toDayNumber } from '@/lib/dates';
import { dayToDate, groupOf, xOf, type Column, type Scale } from './timeline';

interface GanttScaleProps {
  scale: Scale;
  /** The columns in view: only their labels are drawn. */
  columnItems: VirtualItem[];
  /** The x of the timeline at the left edge of the view (the scroll position). */
  viewLeft: number;
  today: string;
}

/** Room for a group label ("2026年12月") before the next one takes over. */
const GROUP_LABEL_WIDTH = 84;

/**
 * The time scale above the bars: months (or years) on the first line, days, weeks or months on
 * the second, and where today is. The first group label in view stays put while scrolling.
 */
export const GanttScale = memo(function GanttScale({ scale, columnItems, viewLeft, today }: GanttScaleProps) {
  const format = useFormatter();
  const columns = columnItems.map((item) => scale.columns[item.index]).filter((c): c is Column => Boolean(c));
  const utc = { timeZone: 'UTC' } as const;
  const groupLabel = (column: Column) =>
    format.dateTime(dayToDate(column.day), scale.zoom === 'month' ? { ...utc, year: 'numeric' } : { ...utc, year: 'numeric', month: 'short' });
  const columnLabel = (column: Column) =>
    scale.zoom === 'day'
      ? String(dayToDate(column.day).getUTCDate())
      : format.dateTime(dayToDate(column.day), scale.zoom === 'week' ? { ...utc, month: 'numeric', day: 'numeric' } : { ...utc, month: 'short' });
  const todayX = xOf(scale, toDayNumber(today)) + scale.dayWidth / 2;
  const groups = columns.filter((column, i) => i === 0 || groupOf(scale, columns[i - 1]!) !== groupOf(scale, column));

  return (
    <div className="relative h-full" style={{ width: scale.width }} aria-hidden="true">
      {groups.map((column, i) => {
        // A group's label stays at the left edge while the group is in view, then gives way to the next.
        const next = groups[i + 1];
        const start = xOf(scale, column.day);
        const left = Math.max(start, Math.min(viewLeft, next ? xOf(scale, next.day) - GROUP_LABEL_WIDTH : Infinity));
        return (
          <span key={`g${column.day}`} className="absolute top-1 border-l border-slate-300 pl-1 text-xs font-medium whitespace-nowrap text-slate-700" style={{ left }}>
            {groupLabel(column)}
          </span>
        );
      })}
      {columns.map((column) => (
        <span
          key={`c${column.day}`}
          className="absolute bottom-1 text-center text-xs whitespace-nowrap text-slate-500 tabular-nums"
          style={{ left: xOf(scale, column.day), width: column.days * scale.dayWidth }}
        >
          {columnLabel(column)}
        </span>
      ))}
      {/* Where today is; the legend names the orange line, "Go to today" brings it back into view. */}
      <span className="absolute bottom-0 size-0 border-x-[5px] border-t-[6px] border-x-transparent border-t-orange-500" style={{ left: todayX - 5 }} />
    </div>
  );
});
