import { ListTodo, FolderKanban } from 'lucide-react';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { SpaceCard } from '@/components/spaces/space-card';
import { MyTaskList } from '@/components/tasks/my-task-list';
import { EmptyState } from '@/components/ui/empty-state';
import { userActor } from '@/lib/auth/actor';
import { requireUser } from '@/lib/auth/session';
import { getDepartment } from '@/lib/org/queries';
import { todayFor } from '@/lib/org/time-zone';
import { listSpaces } from '@/lib/spaces/queries';
import { listMyTasks } from '@/lib/tasks/my-tasks';

const HOME_SPACES = 6;
const HOME_TASKS = 8;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('home');
  return { title: t('title') };
}

export default async function HomePage() {
  const user = await requireUser('/');
  const [t, department, spaces, myTasks] = await Promise.all([
    getTranslations('home'),
    user.departmentId ? getDepartment(user.organizationId, user.departmentId) : null,
    listSpaces(userActor(user), { scope: 'mine', status: 'active' }),
    listMyTasks(userActor(user), { limit: HOME_TASKS }, todayFor(user)),
  ]);
  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="text-2xl font-semibold text-slate-900" data-testid="greeting">
        {t('greeting', { name: user.name })}
      </h1>
      <p className="mt-1 text-sm text-slate-600">
        {t('profile', { department: department?.name ?? t('noDepartment'), title: user.title ?? t('noTitle') })}
      </p>
      <div className="mt-8 grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="my-spaces">
          <h2 id="my-spaces" className="mb-3 text-base font-semibold text-slate-800">{t('mySpaces')}</h2>
          {spaces.rows.length === 0 ? (
            <EmptyState icon={<FolderKanban className="size-8" aria-hidden="true" />} title={t('emptyTitle')}>
              {t('emptyBody')}
              <Link href="/spaces/new" className="mt-3 inline-flex min-h-10 items-center rounded-md bg-brand-600 px-4 font-medium text-white hover:bg-brand-700">
                {t('createSpace')}
              </Link>
            </EmptyState>
          ) : (
            <ul className="space-y-3" data-testid="home-spaces">
              {spaces.rows.slice(0, HOME_SPACES).map((row) => (
                <li key={row.space.id}>
                  <SpaceCard space={row.space} departments={row.departments} memberCount={row.memberCount} myRole={row.myRole} />
                </li>
              ))}
              {spaces.total > HOME_SPACES && (
                <li>
                  <Link href="/spaces" className="text-sm text-brand-700">{t('allSpaces', { count: spaces.total })}</Link>
                </li>
              )}
            </ul>
          )}
        </section>
        <section aria-labelledby="my-tasks">
          <h2 id="my-tasks" className="mb-3 text-base font-semibold text-slate-800">{t('myTasks')}</h2>
          {myTasks.rows.length === 0 ? (
            <EmptyState icon={<ListTodo className="size-8" aria-hidden="true" />} title={t('noTasks')} />
          ) : (
            <>
              <MyTaskList rows={myTasks.rows} />
              <Link href="/tasks" className="mt-2 inline-block text-sm text-brand-700">{t('allTasks', { count: myTasks.total })}</Link>
            </>
          )}
        </section>
      </div>
    </div>
  );
}
