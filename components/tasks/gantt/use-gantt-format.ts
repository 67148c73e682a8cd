'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { toDayNumber } from '@/lib/dates';
import type { ScheduledTask } from '@/lib/tasks/schedule';
import { dayToDate } from './timeline';

/** Dates the way the chart says them: 12月3日 (with the year when it is not this year's), and ranges. */
export function useGanttFormat(today: string) {
  const format = useFormatter();
  const t = useTranslations('gantt');
  const thisYear = today.slice(0, 4);
  const date = useCallback(
    (iso: string) => format.dateTime(dayToDate(toDayNumber(iso)), {
      ...(iso.slice(0, 4) === thisYear ? {} : { year: 'numeric' }), month: 'short', day: 'numeric', timeZone: 'UTC',
    }),
    [format, thisYear],
  );
  const range = useCallback(
    (task: Pick<ScheduledTask, 'startDate' | 'dueDate'>) =>
      task.startDate && task.startDate !== task.dueDate ? t('dateRange', { start: date(task.startDate), end: date(task.dueDate) }) : date(task.dueDate),
    [date, t],
  );
  return { date, range };
}
