import { addDays, daysBetween } from '@/lib/dates';

// Finish-to-start scheduling, as pure functions over a space's tasks and dependency edges, so the
// rules are the same for forms, the API, the Gantt chart and spreadsheet imports.

export interface ScheduledTask {
  id: string;
  startDate: string | null;
  dueDate: string;
}

/** A dependency edge: `taskId` may start only after `dependsOnId` is due. */
export interface DependencyEdge {
  taskId: string;
  dependsOnId: string;
}

/** A bar's first day: a task without a start date is a one-day bar on its due date. */
export const startOf = (task: Pick<ScheduledTask, 'startDate' | 'dueDate'>) => task.startDate ?? task.dueDate;

function adjacency(edges: readonly DependencyEdge[], from: 'taskId' | 'dependsOnId') {
  const to = from === 'taskId' ? 'dependsOnId' : 'taskId';
  const map = new Map<string, string[]>();
  for (const edge of edges) {
    const list = map.get(edge[from]);
    if (list) list.push(edge[to]);
    else map.set(edge[from], [edge[to]]);
  }
  return map;
}

/**
 * Whether making `taskId` depend on `dependsOnIds` closes a loop: it does when `taskId` is already
 * among the things one of them (transitively) waits for.
 */
export function wouldCreateCycle(edges: readonly DependencyEdge[], taskId: string, dependsOnIds: readonly string[]): boolean {
  const predecessors = adjacency(edges.filter((e) => e.taskId !== taskId), 'taskId');
  const seen = new Set<string>();
  const stack = [...dependsOnIds];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === taskId) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(predecessors.get(id) ?? []));
  }
  return false;
}

/** The first day a task may start: the day after its latest predecessor is due (null: no predecessors). */
export function earliestStart(tasks: ReadonlyMap<string, ScheduledTask>, dependsOnIds: readonly string[]): string | null {
  let latestDue: string | null = null;
  for (const id of dependsOnIds) {
    const due = tasks.get(id)?.dueDate;
    if (due && (!latestDue || due > latestDue)) latestDue = due;
  }
  return latestDue ? addDays(latestDue, 1) : null;
}

/**
 * After `changedId` moved, pushes every task that waits on it (directly or not) later by as much as
 * it now must, keeping each task's length. Tasks that still fit stay where they are; nothing is
 * pulled earlier. Returns the new dates of the tasks that moved.
 */
export function cascadeSuccessors(
  tasks: ReadonlyMap<string, ScheduledTask>,
  edges: readonly DependencyEdge[],
  changedId: string,
): ScheduledTask[] {
  const current = new Map(tasks);
  const successors = adjacency(edges, 'dependsOnId');
  const predecessors = adjacency(edges, 'taskId');
  const moved = new Map<string, ScheduledTask>();
  const queue = [...(successors.get(changedId) ?? [])];
  // Each shift only moves tasks later, so the walk ends even on a long chain; the guard stops bad data.
  let steps = 0;
  while (queue.length && steps++ < 100_000) {
    const id = queue.shift()!;
    const task = current.get(id);
    if (!task) continue;
    const earliest = earliestStart(current, predecessors.get(id) ?? []);
    if (!earliest || startOf(task) >= earliest) continue;
    const shift = daysBetween(startOf(task), earliest);
    const next = { id, startDate: task.startDate ? addDays(task.startDate, shift) : null, dueDate: addDays(task.dueDate, shift) };
    current.set(id, next);
    moved.set(id, next);
    queue.push(...(successors.get(id) ?? []));
  }
  return [...moved.values()];
}
