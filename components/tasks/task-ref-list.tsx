import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { TaskRef } from '@/lib/tasks/queries';
import { StatusBadge } from './task-badges';

/** A short list of related tasks (parent, subtasks, predecessors, successors) with their status and due date. */
export function TaskRefList({ title, tasks, base }: { title: string; tasks: TaskRef[]; base: string }) {
  const t = useTranslations('tasks');
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4">
      <h3 className="mb-2 text-sm font-medium text-slate-900">{title}</h3>
      {tasks.length ? (
        <ul className="space-y-1">
          {tasks.map((task) => (
            <li key={task.id} className="flex items-center gap-2 text-sm">
              <StatusBadge status={task.status} />
              <Link href={`${base}/${task.id}`} className="min-w-0 truncate text-brand-700 hover:underline">#{task.number} {task.name}</Link>
              <span className="ml-auto shrink-0 text-xs text-slate-500">{task.dueDate}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">{t('none')}</p>
      )}
    </section>
  );
}
