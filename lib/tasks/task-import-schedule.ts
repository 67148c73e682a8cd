import type { RowProblem } from '@/lib/errors';
import { headerOf } from '@/lib/sheets/columns';
import { cascadeSuccessors, earliestStart, startOf, type DependencyEdge, type ScheduledTask } from './schedule';
import { TASK_SHEET } from './task-sheet-columns';
import type { ExistingTask, PlannedUpdate, SheetUpdate } from './task-import-plan';

export interface ScheduledImport {
  problems: RowProblem[];
  /** The planned updates, with the tasks that had to move later added (or their dates adjusted). */
  updates: PlannedUpdate[];
  /** How many tasks moved later only because a task they wait on moved. */
  rescheduled: number;
}

const datesOf = (update: PlannedUpdate): ScheduledTask => ({
  id: update.task.id,
  startDate: update.changes.startDate === undefined ? update.task.startDate : update.changes.startDate,
  dueDate: update.changes.dueDate ?? update.task.dueDate,
});

function groupBy(edges: readonly DependencyEdge[], key: 'taskId' | 'dependsOnId', other: 'taskId' | 'dependsOnId') {
  const map = new Map<string, string[]>();
  for (const edge of edges) (map.get(edge[key]) ?? map.set(edge[key], []).get(edge[key])!).push(edge[other]);
  return map;
}

/**
 * Dependencies are not in the sheet, but their rule still holds, as in the task form: a row whose
 * new dates start before a predecessor is due is a problem; tasks waiting on a task the sheet
 * moved later are pushed later with it, keeping their length.
 */
export function scheduleImport(updates: readonly SheetUpdate[], tasks: readonly ExistingTask[], edges: readonly DependencyEdge[]): ScheduledImport {
  const moved = updates.filter((u) => u.changes.startDate !== undefined || u.changes.dueDate !== undefined);
  if (!moved.length || !edges.length) return { problems: [], updates: [...updates], rescheduled: 0 };
  const dates = new Map<string, ScheduledTask>(tasks.map((t) => [t.id, { id: t.id, startDate: t.startDate, dueDate: t.dueDate }]));
  for (const update of moved) dates.set(update.task.id, datesOf(update));

  const predecessors = groupBy(edges, 'taskId', 'dependsOnId');
  const numberOf = new Map(tasks.map((t) => [t.id, t.number]));
  const problems: RowProblem[] = [];
  for (const update of moved) {
    const own = dates.get(update.task.id)!;
    const before = predecessors.get(update.task.id) ?? [];
    const earliest = earliestStart(dates, before);
    if (!earliest || startOf(own) >= earliest) continue;
    const latest = before.reduce((a, b) => (dates.get(b)!.dueDate > dates.get(a)!.dueDate ? b : a));
    problems.push({
      row: update.row, column: headerOf(TASK_SHEET, own.startDate ? 'startDate' : 'dueDate'),
      messageKey: 'taskTable.problems.startsBeforeDependency', values: { number: numberOf.get(latest)! },
    });
  }
  if (problems.length) return { problems, updates: [...updates], rescheduled: 0 };

  const successors = groupBy(edges, 'dependsOnId', 'taskId');
  const shifted = new Map<string, ScheduledTask>();
  for (const update of moved) {
    if (!successors.has(update.task.id)) continue;
    for (const next of cascadeSuccessors(dates, edges, update.task.id)) {
      dates.set(next.id, next);
      shifted.set(next.id, next);
    }
  }
  const result: PlannedUpdate[] = updates.map((u) => {
    const next = shifted.get(u.task.id);
    return next ? { ...u, changes: { ...u.changes, startDate: next.startDate, dueDate: next.dueDate } } : u;
  });
  const planned = new Set(updates.map((u) => u.task.id));
  const byId = new Map(tasks.map((t) => [t.id, t]));
  let rescheduled = 0;
  for (const next of shifted.values()) {
    if (planned.has(next.id)) continue;
    result.push({ row: null, task: byId.get(next.id)!, changes: { startDate: next.startDate, dueDate: next.dueDate } });
    rescheduled++;
  }
  return { problems: [], updates: result, rescheduled };
}
