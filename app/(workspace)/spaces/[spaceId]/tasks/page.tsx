import { ListTodo, Plus } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { RefreshOnEvents } from '@/components/realtime/refresh-on-events';
import { SheetTransfer } from '@/components/sheets/sheet-transfer';
import { BULK_FORM_ID, BulkStatusBar } from '@/components/tasks/bulk-status-bar';
import { InlineTaskField } from '@/components/tasks/inline-task-field';
import { MilestoneMark, PriorityBadge, ReassignBadge, StatusBadge } from '@/components/tasks/task-badges';
import { TaskFilterBar } from '@/components/tasks/task-filter-bar';
import { EmptyState } from '@/components/ui/empty-state';
import { userActor } from '@/lib/auth/actor';
import { todayFor } from '@/lib/org/time-zone';
import { getSpacePageData } from '@/lib/spaces/page-data';
import { getTaskFormOptions } from '@/lib/tasks/page-data';
import { listTasks, type TaskListRow } from '@/lib/tasks/queries';
import { lenientTaskFilters, TASK_SORTS } from '@/lib/tasks/schema';

interface TasksPageProps {
  params: Promise<{ spaceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const GROUPS = ['status', 'priority', 'assignee'] as const;
type Group = (typeof GROUPS)[number];

export async function generateMetadata({ params }: TasksPageProps): Promise<Metadata> {
  const [{ space }, t] = await Promise.all([getSpacePageData((await params).spaceId), getTranslations('spaces')]);
  return { title: `${t('tasks')} · ${space.name}` };
}

function groupLabel(row: TaskListRow, group: Group, t: (key: string) => string) {
  if (group === 'status') return t(`statuses.${row.status}`);
  if (group === 'priority') return t(`priorities.${row.priority}`);
  return row.assigneeName;
}

/** The address of the same list with some parameters changed. */
function withParams(path: string, query: Record<string, string | string[] | undefined>, changes: Record<string, string | undefined>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, ...changes })) {
    for (const v of [value].flat()) if (v) params.append(key, v);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export default async function TasksPage({ params, searchParams }: TasksPageProps) {
  const { spaceId } = await params;
  const query = await searchParams;
  const [{ user, space, allowed }, { members, departments }, t] = await Promise.all([
    getSpacePageData(spaceId), getTaskFormOptions(spaceId), getTranslations('tasks'),
  ]);
  const group = GROUPS.find((g) => g === query.group);
  const filters = lenientTaskFilters({ ...query, ...(group ? { sort: group } : {}) });
  const today = todayFor(user);
  const result = await listTasks(userActor(user), spaceId, filters, today);
  const path = `/spaces/${space.id}/tasks`;
  const canEdit = allowed.has('task.edit');
  const canChangeStatus = allowed.has('task.changeStatus');
  const tr = (key: string) => t(key as 'name');
  const headings = result.rows.map((row) => (group ? groupLabel(row, group, tr) : undefined));

  return (
    <div className="space-y-4">
      <RefreshOnEvents types={['task.changed']} viewerId={user.id} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600" data-testid="task-total">{t('total', { count: result.total })}</p>
        <div className="flex flex-wrap items-center gap-2">
          <SheetTransfer
            url={`/api/v1/spaces/${encodeURIComponent(space.id)}/task-table`}
            namespace="taskTable"
            testId="task-table-transfer"
            canImport={allowed.has('task.create') && allowed.has('task.edit')}
          />
          {allowed.has('task.create') && (
            <Link href={`${path}/new`} className="inline-flex min-h-10 items-center gap-1 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">
              <Plus className="size-4" aria-hidden="true" />
              {t('newTask')}
            </Link>
          )}
        </div>
      </div>
      <TaskFilterBar path={path} filters={filters} members={members} departments={departments}>
        <label className="block text-xs text-slate-600">
          <span className="mb-0.5 block">{t('sortBy')}</span>
          <select name="sort" defaultValue={filters.sort} className="block min-h-10 w-full rounded-md border border-slate-300 bg-white px-2 text-sm">
            {TASK_SORTS.map((s) => <option key={s} value={s}>{t(`sorts.${s}`)}</option>)}
          </select>
        </label>
        <label className="block text-xs text-slate-600">
          <span className="mb-0.5 block">{t('order')}</span>
          <select name="order" defaultValue={filters.order} className="block min-h-10 w-full rounded-md border border-slate-300 bg-white px-2 text-sm">
            <option value="asc">{t('ascending')}</option>
            <option value="desc">{t('descending')}</option>
          </select>
        </label>
        <label className="block text-xs text-slate-600">
          <span className="mb-0.5 block">{t('groupBy')}</span>
          <select name="group" defaultValue={group ?? ''} className="block min-h-10 w-full rounded-md border border-slate-300 bg-white px-2 text-sm">
            <option value="">{t('noGrouping')}</option>
            {GROUPS.map((g) => <option key={g} value={g}>{t(`groups.${g}`)}</option>)}
          </select>
        </label>
      </TaskFilterBar>

      {result.rows.length === 0 ? (
        <EmptyState icon={<ListTodo className="size-8" aria-hidden="true" />} title={filters.cursor ? t('noMore') : t('empty')}>
          {t('emptyBody')}
        </EmptyState>
      ) : (
        <>
          {/* Phones get cards (tap to open); the table with inline editing and bulk changes is for wider screens. */}
          <ul className="space-y-2 sm:hidden" data-testid="task-cards">
            {result.rows.map((row) => (
              <li key={row.id}>
                <Link href={`${path}/${row.id}`} className="block rounded-lg border border-slate-200 bg-white p-3 active:bg-slate-50">
                  <span className="flex items-start gap-2">
                    <span className="text-sm text-slate-400">#{row.number}</span>
                    {row.isMilestone && <MilestoneMark />}
                    <span className="min-w-0 flex-1 font-medium text-slate-900">{row.name}</span>
                    <StatusBadge status={row.status} />
                  </span>
                  <span className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
                    <PriorityBadge priority={row.priority} />
                    <span>{row.assigneeName}</span>
                    <ReassignBadge status={row.status} assigneeActive={row.assigneeActive} />
                    <span className={row.status !== 'done' && row.dueDate < today ? 'font-medium text-red-700' : ''}>{t('dueOn', { date: row.dueDate })}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          {canChangeStatus && <div className="hidden sm:block"><BulkStatusBar spaceId={space.id} /></div>}
          <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white sm:block">
            <table className="w-full min-w-[56rem] text-left text-sm" data-testid="task-table">
              <thead className="bg-slate-50 text-xs text-slate-600">
                <tr>
                  {canChangeStatus && <th scope="col" className="w-10 px-3 py-2"><span className="sr-only">{t('select')}</span></th>}
                  <th scope="col" className="w-14 px-2 py-2">{t('number')}</th>
                  <th scope="col" className="px-2 py-2">{t('name')}</th>
                  <th scope="col" className="px-2 py-2">{t('assignee')}</th>
                  <th scope="col" className="px-2 py-2">{t('helpers')}</th>
                  <th scope="col" className="px-2 py-2">{t('department')}</th>
                  <th scope="col" className="px-2 py-2">{t('priority')}</th>
                  <th scope="col" className="px-2 py-2">{t('dueDate')}</th>
                  <th scope="col" className="px-2 py-2">{t('status')}</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((row, index) => {
                  const heading = headings[index];
                  // A group starts where the label changes (rows are sorted by the grouping key).
                  const showHeading = heading !== undefined && heading !== headings[index - 1];
                  const overdue = row.status !== 'done' && row.dueDate < today;
                  const label = `#${row.number} ${row.name}`;
                  return [
                    showHeading && (
                      <tr key={`group-${heading}`} className="bg-slate-100">
                        <th scope="rowgroup" colSpan={9} className="px-3 py-1.5 text-left text-xs font-semibold text-slate-700">{heading}</th>
                      </tr>
                    ),
                    <tr key={row.id} className="border-t border-slate-100 align-middle" data-testid={`task-row-${row.number}`}>
                      {canChangeStatus && (
                        <td className="px-3 py-1">
                          <input type="checkbox" name="taskIds" value={row.id} form={BULK_FORM_ID} aria-label={t('selectTask', { task: label })} className="size-4" />
                        </td>
                      )}
                      <td className="px-2 py-1 text-slate-500">{row.number}</td>
                      <td className="px-2 py-1">
                        <span className="flex items-center gap-1">
                          {row.isMilestone && <MilestoneMark />}
                          <Link href={`${path}/${row.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">{row.name}</Link>
                        </span>
                      </td>
                      <td className="px-2 py-1 whitespace-nowrap">{row.assigneeName} <ReassignBadge status={row.status} assigneeActive={row.assigneeActive} /></td>
                      <td className="px-2 py-1 text-slate-600">{row.helpers.map((h) => h.name).join('、') || '—'}</td>
                      <td className="px-2 py-1 whitespace-nowrap text-slate-600">{row.departmentName ?? '—'}</td>
                      <td className="px-2 py-1">
                        {canEdit ? <InlineTaskField field="priority" value={row.priority} spaceId={space.id} taskId={row.id} taskLabel={label} /> : <PriorityBadge priority={row.priority} />}
                      </td>
                      <td className={`px-2 py-1 whitespace-nowrap ${overdue ? 'font-medium text-red-700' : ''}`} data-overdue={overdue || undefined}>
                        {canEdit ? <InlineTaskField field="dueDate" value={row.dueDate} spaceId={space.id} taskId={row.id} taskLabel={label} /> : row.dueDate}
                      </td>
                      <td className="px-2 py-1">
                        {canChangeStatus && row.status !== 'blocked'
                          ? <InlineTaskField field="status" value={row.status} spaceId={space.id} taskId={row.id} taskLabel={label} />
                          : <Link href={`${path}/${row.id}`}><StatusBadge status={row.status} /></Link>}
                      </td>
                    </tr>,
                  ];
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      <nav aria-label={t('pages')} className="flex items-center justify-between text-sm">
        {filters.cursor ? <Link href={withParams(path, query, { cursor: undefined })} className="text-brand-700 hover:underline">{t('firstPage')}</Link> : <span />}
        {result.nextCursor && (
          <Link href={withParams(path, query, { cursor: result.nextCursor })} className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 text-slate-800 hover:bg-slate-50" data-testid="next-page">
            {t('nextPage')}
          </Link>
        )}
      </nav>
    </div>
  );
}
