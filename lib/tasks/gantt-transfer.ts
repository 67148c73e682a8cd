import { fromDayNumber, toDayNumber } from '@/lib/dates';
import type { GanttData, GanttTask } from './gantt';
import { earliestDay, nameTable } from './packing';
import { TASK_STATUSES } from './rules';

// The Gantt data as it travels from the server page to the chart in the browser. Thousands of
// rows as objects repeat every key and spell every date; as tuples with day numbers, people by
// index and no parent ids (the order and depth carry the tree) they are a third of the size,
// which the page's HTML, the server's serialising and the browser's parsing all feel.

/** A row of the chart in the browser: the task without its parent's id. */
export type GanttRow = Omit<GanttTask, 'parentId'>;

type PackedRow = [id: string, number: number, name: string, status: number, start: number | null, due: number, milestone: 0 | 1, person: number, depth: number];

export interface PackedGantt {
  /** Dates are whole days after this one. */
  baseDay: number;
  people: string[];
  rows: PackedRow[];
  /** Arrows as [from, to] task numbers. */
  links: [number, number][];
  critical: number[];
  total: number;
}


export function packGantt(data: GanttData): PackedGantt {
  const baseDay = earliestDay(data.tasks.map((task) => toDayNumber(task.startDate ?? task.dueDate)));
  const { names: people, indexOf } = nameTable();
  return {
    baseDay,
    people,
    rows: data.tasks.map((task) => [
      task.id, task.number, task.name, TASK_STATUSES.indexOf(task.status),
      task.startDate === null ? null : toDayNumber(task.startDate) - baseDay, toDayNumber(task.dueDate) - baseDay,
      task.isMilestone ? 1 : 0, indexOf(task.assigneeName), task.depth,
    ]),
    links: data.links.map((link) => [link.from, link.to]),
    critical: data.critical,
    total: data.total,
  };
}

export function unpackGanttRows(packed: PackedGantt): GanttRow[] {
  const { baseDay, people } = packed;
  return packed.rows.map(([id, number, name, status, start, due, milestone, person, depth]) => ({
    id, number, name, status: TASK_STATUSES[status] ?? 'todo',
    startDate: start === null ? null : fromDayNumber(baseDay + start), dueDate: fromDayNumber(baseDay + due),
    isMilestone: milestone === 1, assigneeName: people[person] ?? '', depth,
  }));
}
