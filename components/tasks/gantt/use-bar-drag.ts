'use client';

import { useCallback, useRef, useState, type PointerEvent } from 'react';
import type { BarEdit } from '@/lib/tasks/gantt-moves';

export interface DragPreview {
  taskId: string;
  edit: BarEdit;
  days: number;
}

interface Drag extends DragPreview {
  x: number;
  pointerId: number;
  moved: boolean;
}

/**
 * Dragging a bar or one of its ends with a pointer, snapped to whole days. The pointer is captured
 * by the bar, so a drag that leaves it still ends on it; a press without movement is a click.
 */
export function useBarDrag(dayWidth: number, onDrop: (taskId: string, edit: BarEdit, days: number) => void, onClick: (taskId: string) => void) {
  const [preview, setPreview] = useState<DragPreview | null>(null);
  const drag = useRef<Drag | null>(null);

  const start = useCallback((event: PointerEvent<SVGElement>, taskId: string, edit: BarEdit) => {
    if (event.button !== 0) return;
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { taskId, edit, days: 0, x: event.clientX, pointerId: event.pointerId, moved: false };
    setPreview({ taskId, edit, days: 0 });
  }, []);

  const move = useCallback((event: PointerEvent<SVGElement>) => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    if (Math.abs(event.clientX - current.x) > 3) current.moved = true;
    const days = Math.round((event.clientX - current.x) / dayWidth);
    if (days === current.days) return;
    current.days = days;
    setPreview({ taskId: current.taskId, edit: current.edit, days });
  }, [dayWidth]);

  const end = useCallback((event: PointerEvent<SVGElement>) => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    drag.current = null;
    setPreview(null);
    if (current.days) onDrop(current.taskId, current.edit, current.days);
    else if (!current.moved) onClick(current.taskId);
  }, [onClick, onDrop]);

  const cancel = useCallback(() => {
    drag.current = null;
    setPreview(null);
  }, []);

  return { preview, start, move, end, cancel };
}
