import { toDayNumber } from '@/lib/dates';
import { startOf, type DependencyEdge, type ScheduledTask } from './schedule';

// The critical path over fixed dates: a backward pass from the project's latest due date through
// the finish-to-start edges gives each task the latest day it could finish without moving that
// date; the tasks with no slack left are the ones that set the end. Calendar days, like due dates.
// Tasks are addressed by index in typed arrays: the Gantt page runs this on every view of a
// space of thousands of tasks.

/**
 * Every task after all of its successors (depth-first post-order). An edge that closes a loop in
 * bad data is skipped rather than trusted, so the walk always ends.
 */
function successorsFirst(count: number, successors: readonly number[][]): number[] {
  const order: number[] = [];
  const seen = new Uint8Array(count);
  const stack: number[] = [];
  const next: number[] = [];
  for (let root = 0; root < count; root++) {
    if (seen[root]) continue;
    seen[root] = 1;
    stack.push(root);
    next.push(0);
    while (stack.length) {
      const top = stack.length - 1;
      const node = stack[top]!;
      const child = successors[node]![next[top]!++];
      if (child === undefined) {
        stack.pop();
        next.pop();
        order.push(node);
      } else if (!seen[child]) {
        seen[child] = 1;
        stack.push(child);
        next.push(0);
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
  const count = tasks.length;
  const indexOf = new Map<string, number>();
  const start = new Float64Array(count);
  const due = new Float64Array(count);
  let projectEnd = -Infinity;
  tasks.forEach((task, i) => {
    indexOf.set(task.id, i);
    start[i] = toDayNumber(startOf(task));
    due[i] = toDayNumber(task.dueDate);
    if (due[i]! > projectEnd) projectEnd = due[i]!;
  });
  const successors: number[][] = Array.from({ length: count }, () => []);
  for (const { taskId, dependsOnId } of edges) {
    const to = indexOf.get(taskId);
    const from = indexOf.get(dependsOnId);
    if (to !== undefined && from !== undefined && to !== from) successors[from]!.push(to);
  }
  // The latest day each task may start, known for its successors before the task itself
  // (NaN for a successor reached through a loop, which `Math.min` must not see).
  const latestStart = new Float64Array(count).fill(NaN);
  const critical = new Set<string>();
  for (const i of successorsFirst(count, successors)) {
    let latestFinish = projectEnd;
    for (const next of successors[i]!) {
      const nextStart = latestStart[next]!;
      if (!Number.isNaN(nextStart)) latestFinish = Math.min(latestFinish, nextStart - 1);
    }
    latestStart[i] = latestFinish - (due[i]! - start[i]!);
    if (latestFinish <= due[i]!) critical.add(tasks[i]!.id);
  }
  return critical;
}
