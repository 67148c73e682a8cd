import { addDays } from '@/lib/dates';
import type { ScheduledTask } from './schedule';

// What dragging a bar or pressing an arrow key on it asks the server for. Client-safe and pure, so
// the preview while dragging and the request sent afterwards are the same dates.

export type BarEdit = 'move' | 'start' | 'due';
type Dates = Pick<ScheduledTask, 'startDate' | 'dueDate'>;

/**
 * The dates after `days` of `edit`: a move shifts both ends and keeps the length; resizing moves
 * one end and never past the other. A task without a start date is a one-day bar on its due date:
 * moving it keeps it so, and resizing gives it a start date where the bar began.
 */
export function editDates(task: Dates, edit: BarEdit, days: number): Dates {
  if (edit === 'move') return { startDate: task.startDate && addDays(task.startDate, days), dueDate: addDays(task.dueDate, days) };
  const start = task.startDate ?? task.dueDate;
  if (edit === 'start') {
    const next = addDays(start, days);
    return { startDate: next > task.dueDate ? task.dueDate : next, dueDate: task.dueDate };
  }
  const next = addDays(task.dueDate, days);
  return { startDate: start, dueDate: next < start ? start : next };
}

/** Whether an edit changes anything (a resize pressed against the other end does not). */
export function datesDiffer(a: Dates, b: Dates): boolean {
  return a.startDate !== b.startDate || a.dueDate !== b.dueDate;
}
