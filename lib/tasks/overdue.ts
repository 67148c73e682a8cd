import type { TaskStatus } from './rules';

/** Overdue: due before today and not done, the rule of the overdue filter and the overview count. */
export function isOverdue(task: { dueDate: string; status: TaskStatus }, today: string): boolean {
  return task.dueDate < today && task.status !== 'done';
}
