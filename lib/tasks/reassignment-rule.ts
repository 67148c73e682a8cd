// Client-safe: the rule behind the 待重新分配 badge; lib/tasks/reassignment queries the same in SQL.

/** A task needs reassignment while it is open and its assignee has been deactivated (a leaver). */
export function needsReassignment(task: { status: string }, assignee: { isActive: boolean } | null | undefined): boolean {
  return task.status !== 'done' && assignee?.isActive === false;
}
