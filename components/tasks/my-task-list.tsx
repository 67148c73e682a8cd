import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { MyTaskRow } from '@/lib/tasks/my-tasks';
import { MilestoneMark, PriorityBadge, StatusBadge } from './task-badges';

/** The user's tasks across spaces, each with its space and whether they own it or help. */
export function MyTaskList({ rows }: { rows: MyTaskRow[] }) {
  const t = useTranslations('tasks');
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="my-tasks">
      {rows.map((row) => (
        <li key={row.id}>
          <Link href={`/spaces/${row.spaceId}/tasks/${row.id}`} className="block px-3 py-2.5 hover:bg-slate-50">
            <span className="flex items-start gap-2">
              {row.isMilestone && <MilestoneMark />}
              <span className="min-w-0 flex-1 text-sm font-medium text-slate-900">{row.name}</span>
              <StatusBadge status={row.status} />
            </span>
            <span className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
              <PriorityBadge priority={row.priority} />
              <span className="truncate">{row.spaceName} · #{row.number}</span>
              <span>{row.isAssignee ? t('iAmAssignee') : t('iAmHelper')}</span>
              <span className={`ml-auto ${row.overdue ? 'font-medium text-red-700' : ''}`}>{row.overdue ? t('overdueSince', { date: row.dueDate }) : t('dueOn', { date: row.dueDate })}</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
