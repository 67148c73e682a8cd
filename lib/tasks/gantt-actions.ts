'use server';

import { authedCall } from '@/lib/http/authed-call';
import { getCriticalNumbers, type RescheduleResult } from './gantt';
import { translateScheduleError } from './gantt-errors';
import { updateTask } from './service';

/**
 * New dates for a task from the Gantt chart. The service checks the right to edit, validates the
 * dates and the dependencies, and moves waiting tasks later; the chart gets back what moved and
 * the new critical path. No revalidation: the chart applies the answer itself, and re-rendering
 * a space of thousands of tasks after every drag would cost more than the change.
 */
export const rescheduleTaskAction = authedCall(
  async (actor, _user, taskId: string, dates: { startDate: string | null; dueDate: string }): Promise<RescheduleResult> => {
    // Only the two dates, whatever else a caller sends.
    const { startDate, dueDate } = (typeof dates === 'object' && dates) || ({} as Partial<typeof dates>);
    const { task, rescheduled } = await updateTask(actor, String(taskId), { startDate, dueDate });
    return {
      task: { id: task.id, startDate: task.startDate, dueDate: task.dueDate },
      rescheduled,
      critical: await getCriticalNumbers(actor, task.spaceId),
    };
  },
  { translateError: translateScheduleError },
);
