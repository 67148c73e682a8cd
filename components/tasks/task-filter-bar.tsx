import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { DepartmentOptions } from '@/components/org/department-options';
import type { PersonOption } from '@/lib/org/people';
import type { DepartmentOption } from '@/lib/org/queries';
import { TASK_PRIORITIES, TASK_STATUSES } from '@/lib/tasks/rules';
import type { ParsedTaskListFilters } from '@/lib/tasks/schema';

interface TaskFilterBarProps {
  /** The page the filters apply to (list, board or Gantt). */
  path: string;
  filters: ParsedTaskListFilters;
  members: Pick<PersonOption, 'id' | 'name'>[];
  departments: DepartmentOption[];
  /** Extra controls (sorting and grouping on the list). */
  children?: ReactNode;
}

const control = 'block min-h-10 w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900';

function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="block text-xs text-slate-600">
      <span className="mb-0.5 block">{label}</span>
      {children}
    </label>
  );
}

/**
 * The one filter bar of the list, board and Gantt views: a plain GET form, so filters live in the
 * address (shareable, back-button friendly) and work without JavaScript.
 */
export function TaskFilterBar({ path, filters, members, departments, children }: TaskFilterBarProps) {
  const t = useTranslations('tasks');
  const refined = [filters.assigneeId, filters.helperId, filters.departmentId, filters.priority?.length, filters.status?.length, filters.dueFrom, filters.dueTo, filters.overdue].filter(Boolean).length;
  const active = Boolean(filters.q) || refined > 0;
  return (
    <form method="get" action={path} role="search" aria-label={t('filters')} className="rounded-lg border border-slate-200 bg-white p-3" data-testid="task-filters">
      <div className="flex gap-2">
        <input type="search" name="q" defaultValue={filters.q ?? ''} placeholder={t('searchPlaceholder')} aria-label={t('search')} className={`${control} min-w-0 flex-1`} />
        <button type="submit" className="min-h-10 shrink-0 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">{t('applyFilters')}</button>
      </div>
      {/* Open while something is filtered, so what narrows the list is always in view. */}
      <details open={refined > 0 || undefined} className="group mt-2">
        <summary className="cursor-pointer text-sm text-brand-700">{refined ? t('moreFiltersActive', { count: refined }) : t('moreFilters')}</summary>
        <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-6">
          <Labelled label={t('assignee')}>
            <select name="assigneeId" defaultValue={filters.assigneeId ?? ''} className={control}>
              <option value="">{t('all')}</option>
              {members.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
            </select>
          </Labelled>
          <Labelled label={t('helper')}>
            <select name="helperId" defaultValue={filters.helperId ?? ''} className={control}>
              <option value="">{t('all')}</option>
              {members.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
            </select>
          </Labelled>
          <Labelled label={t('department')}>
            <select name="departmentId" defaultValue={filters.departmentId ?? ''} className={control}>
              <option value="">{t('all')}</option>
              <DepartmentOptions departments={departments} />
            </select>
          </Labelled>
          <Labelled label={t('priority')}>
            <select name="priority" defaultValue={filters.priority?.[0] ?? ''} className={control}>
              <option value="">{t('all')}</option>
              {TASK_PRIORITIES.map((p) => <option key={p} value={p}>{t(`priorities.${p}`)}</option>)}
            </select>
          </Labelled>
          <Labelled label={t('status')}>
            <select name="status" defaultValue={filters.status?.join(',') ?? ''} className={control}>
              <option value="">{t('all')}</option>
              <option value="todo,in_progress,blocked">{t('unfinished')}</option>
              {TASK_STATUSES.map((s) => <option key={s} value={s}>{t(`statuses.${s}`)}</option>)}
            </select>
          </Labelled>
          <Labelled label={t('dueFrom')}>
            <input type="date" name="dueFrom" defaultValue={filters.dueFrom ?? ''} className={control} />
          </Labelled>
          <Labelled label={t('dueTo')}>
            <input type="date" name="dueTo" defaultValue={filters.dueTo ?? ''} className={control} />
          </Labelled>
          {children}
        </div>
        <label className="mt-2 flex min-h-10 items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" name="overdue" value="true" defaultChecked={filters.overdue ?? false} className="size-4" />
          {t('overdueOnly')}
        </label>
      </details>
      {active && <Link href={path} className="mt-2 inline-block text-sm text-brand-700 hover:underline">{t('clearFilters')}</Link>}
    </form>
  );
}
