import { startOf, type DependencyEdge, type ScheduledTask } from './schedule';

// The critical path over fixed dates: a backward pass from the project's latest due date through
// the finish-to-start edges gives each task the latest day it could finish without moving that
// date; the tasks with no slack left are the ones that set the end. Calendar days, like due dates.

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/**
 * Every task after all of its successors (depth-first post-order). An edge that closes a loop in
 * bad data is skipped rather than trusted, so the walk always ends.
 */
function successorsFirst(ids: readonly string[], successors: ReadonlyMap<string, string[]>): string[] {
  const order: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  for (const root of ids) {
    if (state.has(root)) continue;
    state.set(root, 'open');
    const stack: [string, number][] = [[root, 0]];
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const next = successors.get(top[0])?.[top[1]++];
      if (next === undefined) {
        stack.pop();
        state.set(top[0], 'done');
        order.push(top[0]);
      } else if (!state.has(next)) {
        state.set(next, 'open');
        stack.push([next, 0]);
      }
    }
  }
  return order;
}

/**
 * The ids of the tasks on the critical path: those that cannot slip a day without the project's
 * latest due date slipping too (zero slack, or less where dates already break a dependency).
 * Without dependencies these are the tasks due last; ties all count.
 */
export function criticalTaskIds(tasks: readonly ScheduledTask[], edges: readonly DependencyEdge[]): Set<string> {
  const critical = new Set<string>();
  if (!tasks.length) return critical;
  const start = new Map<string, number>();
  const due = new Map<string, number>();
  let projectEnd = -Infinity;
  for (const task of tasks) {
    const d = dayNumber(task.dueDate);
    start.set(task.id, dayNumber(startOf(task)));
    due.set(task.id, d);
    if (d > projectEnd) projectEnd = d;
  }
  const successors = new Map<string, string[]>();
  for (const { taskId, dependsOnId } of edges) {
    if (!due.has(taskId) || !due.has(dependsOnId) || taskId === dependsOnId) continue;
    const list = successors.get(dependsOnId);
    if (list) list.push(taskId);
    else successors.set(dependsOnId, [taskId]);
  }
  // The latest day each task may start, known for its successors before the task itself.
  const latestStart = new Map<string, number>();
  for (const id of successorsFirst([...due.keys()], successors)) {
    let latestFinish = projectEnd;
    for (const next of successors.get(id) ?? []) {
      const nextStart = latestStart.get(next);
      if (nextStart !== undefined) latestFinish = Math.min(latestFinish, nextStart - 1);
    }
    latestStart.set(id, latestFinish - (due.get(id)! - start.get(id)!));
    if (latestFinish <= due.get(id)!) critical.add(id);
  }
  return critical;
}
