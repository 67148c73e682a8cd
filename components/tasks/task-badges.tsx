import { Diamond } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { needsReassignment } from '@/lib/tasks/reassignment-rule';
import type { TaskPriority, TaskStatus } from '@/lib/tasks/rules';

export const statusTone: Record<TaskStatus, string> = {
  todo: 'border-slate-300 bg-white text-slate-700',
  in_progress: 'border-blue-200 bg-blue-50 text-blue-800',
  done: 'border-green-200 bg-green-50 text-green-800',
  blocked: 'border-red-200 bg-red-50 text-red-800',
};

const priorityTone: Record<TaskPriority, string> = {
  high: 'bg-red-100 text-red-800',
  medium: 'bg-amber-100 text-amber-900',
  low: 'bg-slate-100 text-slate-700',
};

export function StatusBadge({ status }: { status: TaskStatus }) {
  const t = useTranslations('tasks');
  return <span className={`inline-flex shrink-0 items-center rounded-full border px-2 py-0.5 text-xs font-medium ${statusTone[status]}`}>{t(`statuses.${status}`)}</span>;
}

export function PriorityBadge({ priority }: { priority: TaskPriority }) {
  const t = useTranslations('tasks');
  return <span className={`inline-flex shrink-0 items-center rounded px-1.5 py-0.5 text-xs font-medium ${priorityTone[priority]}`}>{t(`priorities.${priority}`)}</span>;
}

export function MilestoneMark() {
  const t = useTranslations('tasks');
  return <Diamond className="size-4 shrink-0 fill-violet-500 text-violet-600" aria-label={t('milestone')} role="img" />;
}

/** 待重新分配: an open task whose assignee has been deactivated (a leaver). */
export function ReassignBadge({ status, assigneeActive }: { status: TaskStatus; assigneeActive: boolean }) {
  const t = useTranslations('tasks');
  if (!needsReassignment({ status }, { isActive: assigneeActive })) return null;
  return <span data-testid="needs-reassignment" className="inline-flex shrink-0 items-center rounded-full border border-amber-300 bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900">{t('needsReassignment')}</span>;
}
