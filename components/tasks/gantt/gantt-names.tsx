'use client';

import type { VirtualItem } from '@tanstack/react-virtual';
import Link from 'next/link';
import { memo } from 'react';
import type { GanttRow } from '@/lib/tasks/gantt-transfer';
import { ROW_HEIGHT } from './timeline';

interface GanttNamesProps {
  spaceId: string;
  rows: GanttRow[];
  rowItems: VirtualItem[];
  width: number;
  selectedId: string | null;
}

const MAX_INDENT = 6;

/** The left column: number and name of each row in view, indented under its parent, linking to the task. */
export function GanttNames({ spaceId, rows, rowItems, width, selectedId }: GanttNamesProps) {
  return (
    <div className="sticky left-0 z-10 shrink-0 border-r border-slate-200 bg-white" style={{ width }}>
      {rowItems.map((item) => {
        const task = rows[item.index];
        return task ? <NameRow key={task.id} spaceId={spaceId} task={task} index={item.index} selected={task.id === selectedId} /> : null;
      })}
    </div>
  );
}

// Memoised: while scrolling, only the rows coming into view render.
const NameRow = memo(function NameRow({ spaceId, task, index, selected }: { spaceId: string; task: GanttRow; index: number; selected: boolean }) {
  return (
    <div
      className={`absolute inset-x-0 flex items-center gap-2 border-b border-slate-100 pr-2 text-sm ${selected ? 'bg-brand-50' : ''}`}
      style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT, paddingLeft: 8 + Math.min(task.depth, MAX_INDENT) * 12 }}
    >
      <span className="shrink-0 text-xs text-slate-500 tabular-nums">#{task.number}</span>
      {/* No prefetch: scrolling past thousands of rows must not fetch thousands of pages. */}
      <Link href={`/spaces/${spaceId}/tasks/${task.id}`} prefetch={false} title={task.name} className="truncate text-slate-800 hover:text-brand-700 hover:underline">
        {task.name}
      </Link>
    </div>
  );
});
