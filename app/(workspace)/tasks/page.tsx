import { ListTodo } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { MyTaskList } from '@/components/tasks/my-task-list';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { userActor } from '@/lib/auth/actor';
import { requireUser } from '@/lib/auth/session';
import { todayFor } from '@/lib/org/time-zone';
import { listMyTasks, MY_TASKS_PAGE_SIZE } from '@/lib/tasks/my-tasks';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('tasks'))('myTasks') };
}

/** 我的任务 across every space, overdue first. */
export default async function MyTasksPage({ searchParams }: { searchParams: Promise<{ done?: string; page?: string }> }) {
  const user = await requireUser('/tasks');
  const query = await searchParams;
  const includeDone = query.done === '1';
  const [t, result] = await Promise.all([
    getTranslations('tasks'),
    listMyTasks(userActor(user), { includeDone, page: Number(query.page) || 1 }, todayFor(user)),
  ]);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold text-slate-900">{t('myTasks')}</h1>
      <div className="flex items-center justify-between text-sm">
        <span className="text-slate-600">{t('total', { count: result.total })}</span>
        <Link href={includeDone ? '/tasks' : '/tasks?done=1'} className="text-brand-700 hover:underline">{includeDone ? t('hideDone') : t('showDone')}</Link>
      </div>
      {result.rows.length ? <MyTaskList rows={result.rows} /> : <EmptyState icon={<ListTodo className="size-8" aria-hidden="true" />} title={t('noMyTasks')}>{t('noMyTasksBody')}</EmptyState>}
      <Pagination page={result.page} pageCount={Math.max(1, Math.ceil(result.total / MY_TASKS_PAGE_SIZE))} href={(page) => `/tasks?${includeDone ? 'done=1&' : ''}page=${page}`} />
    </div>
  );
}
