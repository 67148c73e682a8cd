'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { memo } from 'react';
import { daysBetween } from '@/lib/dates';
import type { GanttRow } from '@/lib/tasks/gantt-transfer';

const STATUS_KEYS = { todo: 'todo', in_progress: 'inProgress', done: 'done', blocked: 'blocked' } as const;

interface GanttDetailProps {
  spaceId: string;
  task: GanttRow | null;
  critical: boolean;
  overdue: boolean;
  range: string;
  /** Sentences shown while no bar is pointed at or focused. */
  hint: string[];
}

/** One line about the bar pointed at or focused (the chart's tooltip, readable on a phone too). */
export const GanttDetail = memo(function GanttDetail({ spaceId, task, critical, overdue, range, hint }: GanttDetailProps) {
  const t = useTranslations('gantt');
  const status = useTranslations('spaces.taskStatus');
  if (!task) {
    return (
      <p className="flex min-h-6 flex-wrap gap-x-2 text-sm text-slate-600" data-testid="gantt-detail">
        {hint.map((sentence) => <span key={sentence}>{sentence}</span>)}
      </p>
    );
  }
  const days = daysBetween(task.startDate ?? task.dueDate, task.dueDate) + 1;
  const facts = [
    t('assignee', { name: task.assigneeName }),
    status(STATUS_KEYS[task.status]),
    range,
    ...(task.isMilestone ? [t('milestone')] : [t('days', { count: days })]),
  ];
  return (
    <p className="flex min-h-6 flex-wrap items-center gap-x-2 text-sm text-slate-700" data-testid="gantt-detail">
      <span className="font-medium text-slate-900">#{task.number} {task.name}</span>
      {facts.map((fact) => (
        <span key={fact} className="before:mr-2 before:text-slate-400 before:content-['·']">{fact}</span>
      ))}
      {overdue && <span className="rounded bg-red-50 px-1.5 text-red-700">{t('overdue')}</span>}
      {critical && <span className="rounded bg-violet-50 px-1.5 text-violet-800">{t('critical')}</span>}
      <Link href={`/spaces/${spaceId}/tasks/${task.id}`} prefetch={false} className="text-brand-700 hover:underline">{t('openTask')}</Link>
    </p>
  );
});
