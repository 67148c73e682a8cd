import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { RefreshOnEvents } from '@/components/realtime/refresh-on-events';
import { SpaceMembersByDepartment } from '@/components/spaces/members-by-department';
import { EmptyState } from '@/components/ui/empty-state';
import { userActor } from '@/lib/auth/actor';
import { daysBetween } from '@/lib/dates';
import { todayFor } from '@/lib/org/time-zone';
import { getSpacePageData } from '@/lib/spaces/page-data';
import { countTasks } from '@/lib/tasks/queries';
import { TASK_STATUSES } from '@/lib/tasks/rules';

interface SpacePageProps {
  params: Promise<{ spaceId: string }>;
}

export async function generateMetadata({ params }: SpacePageProps): Promise<Metadata> {
  const { space } = await getSpacePageData((await params).spaceId);
  return { title: space.name };
}

export default async function SpaceOverviewPage({ params }: SpacePageProps) {
  const { space, departments, members, user } = await getSpacePageData((await params).spaceId);
  const [t, tt] = await Promise.all([getTranslations('spaces'), getTranslations('tasks')]);
  const today = todayFor(user);
  const counts = await countTasks(userActor(user), space.id, today);
  const tasksPath = `/spaces/${space.id}/tasks`;
  const total = Math.max(1, daysBetween(space.startDate, space.endDate));
  const elapsed = Math.min(total, Math.max(0, daysBetween(space.startDate, today)));
  const percent = Math.round((elapsed / total) * 100);
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <RefreshOnEvents types={['task.changed']} viewerId={user.id} />
      <div className="space-y-6 lg:col-span-2">
        <section aria-labelledby="goal-title" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          <h2 id="goal-title" className="text-base font-semibold text-slate-900">{t('goal')}</h2>
          <p className="mt-2 text-sm whitespace-pre-line text-slate-800" data-testid="space-goal">{space.goal}</p>
          {space.description && <p className="mt-3 text-sm whitespace-pre-line text-slate-600">{space.description}</p>}
          <div className="mt-4">
            <div className="flex justify-between text-sm text-slate-700">
              <span>{t('dateRange', { start: space.startDate, end: space.endDate })}</span>
              <span>{t('elapsed', { elapsed, total })}</span>
            </div>
            <div className="mt-1 h-2 rounded-full bg-slate-100" role="progressbar" aria-label={t('timeElapsed')} aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100}>
              <div className="h-2 rounded-full bg-brand-600" style={{ width: `${percent}%` }} />
            </div>
          </div>
        </section>
        <section aria-labelledby="tasks-title">
          <h2 id="tasks-title" className="mb-2 text-base font-semibold text-slate-900">{t('taskCounts')}</h2>
          <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3" data-testid="task-counts">
            {TASK_STATUSES.map((status) => (
              <li key={status}><Link href={`${tasksPath}?status=${status}`} className="block rounded-lg border border-slate-200 bg-white p-3 hover:border-brand-300">
                <span className="block text-xs text-slate-600">{tt(`statuses.${status}`)}</span>
                <span className="mt-1 block text-2xl font-semibold text-slate-900" data-testid={`count-${status}`}>{counts.byStatus[status]}</span>
              </Link></li>
            ))}
            <li><Link href={`${tasksPath}?overdue=true`} className="block rounded-lg border border-slate-200 bg-white p-3 hover:border-brand-300">
              <span className="block text-xs text-slate-600">{tt('overdue')}</span>
              <span className={`mt-1 block text-2xl font-semibold ${counts.overdue ? 'text-red-700' : 'text-slate-900'}`} data-testid="count-overdue">{counts.overdue}</span>
            </Link></li>
            <li><Link href={`/spaces/${space.id}/issues`} className="block rounded-lg border border-slate-200 bg-white p-3 hover:border-brand-300">
              <span className="block text-xs text-slate-600">{t('openIssues')}</span>
              <span className={`mt-1 block text-2xl font-semibold ${counts.openIssues ? 'text-amber-700' : 'text-slate-900'}`} data-testid="count-open-issues">{counts.openIssues}</span>
            </Link></li>
          </ul>
        </section>
        <section aria-labelledby="milestones-title">
          <h2 id="milestones-title" className="mb-2 text-base font-semibold text-slate-900">{t('nextMilestones')}</h2>
          {counts.nextMilestones.length ? (
            <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="next-milestones">
              {counts.nextMilestones.map((m) => (
                <li key={m.id} className="flex items-center gap-3 px-3 py-2 text-sm">
                  <span className={`shrink-0 tabular-nums ${m.plannedDate < today ? 'font-medium text-red-700' : 'text-slate-600'}`}>{m.plannedDate}</span>
                  <span className="min-w-0 truncate text-slate-900">{m.phase ? `${m.phase} · ${m.name}` : m.name}</span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-sm text-slate-500">{t('noMilestones')}</p>
          )}
        </section>
        <section aria-labelledby="activity-title">
          <h2 id="activity-title" className="mb-2 text-base font-semibold text-slate-900">{t('recentActivity')}</h2>
          <EmptyState title={t('noActivity')}>{t('noActivityBody')}</EmptyState>
        </section>
      </div>
      <aside className="space-y-6">
        <section aria-labelledby="departments-title" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="departments-title" className="text-base font-semibold text-slate-900">{t('departments')}</h2>
          <ul className="mt-2 flex flex-wrap gap-1" data-testid="space-departments">
            {departments.map((d) => (
              <li key={d.id} className="rounded bg-slate-100 px-2 py-1 text-sm text-slate-800">{d.name}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="people-title" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="people-title" className="text-base font-semibold text-slate-900">{t('memberCount', { count: members.length })}</h2>
          <SpaceMembersByDepartment members={members} />
        </section>
      </aside>
    </div>
  );
}
