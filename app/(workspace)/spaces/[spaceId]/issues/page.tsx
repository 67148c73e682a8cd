import { CircleCheck } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { RefreshOnEvents } from '@/components/realtime/refresh-on-events';
import { IssueEntry } from '@/components/tasks/issue-entry';
import { StatusBadge } from '@/components/tasks/task-badges';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { userActor } from '@/lib/auth/actor';
import { getSpacePageData } from '@/lib/spaces/page-data';
import { listTaskIssues } from '@/lib/tasks/issues';
import { TASK_ISSUE_STATUSES } from '@/lib/tasks/rules';

interface IssuesPageProps {
  params: Promise<{ spaceId: string }>;
  searchParams: Promise<{ status?: string; page?: string }>;
}

export async function generateMetadata({ params }: IssuesPageProps): Promise<Metadata> {
  const [{ space }, t] = await Promise.all([getSpacePageData((await params).spaceId), getTranslations('spaces')]);
  return { title: `${t('issues')} · ${space.name}` };
}

/** 问题跟踪: every issue entry of the space's blocked tasks, open ones first. */
export default async function IssuesPage({ params, searchParams }: IssuesPageProps) {
  const { spaceId } = await params;
  const query = await searchParams;
  const [{ user, space, allowed }, t] = await Promise.all([getSpacePageData(spaceId), getTranslations('tasks')]);
  const status = TASK_ISSUE_STATUSES.find((s) => s === query.status) ?? (query.status === 'all' ? undefined : 'open');
  const page = Math.max(1, Number(query.page) || 1);
  const result = await listTaskIssues(userActor(user), space.id, { status, page });
  const path = `/spaces/${space.id}/issues`;
  const tabs = [
    { key: 'open', label: t('issueOpen') },
    { key: 'resolved', label: t('issueResolved') },
    { key: 'all', label: t('all') },
  ];
  const current = status ?? 'all';
  return (
    <div className="space-y-4">
      <RefreshOnEvents types={['task.changed']} viewerId={user.id} />
      <nav aria-label={t('issueTracking')} className="flex gap-2">
        {tabs.map((tab) => (
          <Link
            key={tab.key}
            href={`${path}?status=${tab.key}`}
            aria-current={current === tab.key ? 'page' : undefined}
            className={`min-h-9 rounded-full px-4 py-1.5 text-sm ${current === tab.key ? 'bg-brand-600 text-white' : 'border border-slate-300 bg-white text-slate-700 hover:bg-slate-50'}`}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
      {result.rows.length === 0 ? (
        <EmptyState icon={<CircleCheck className="size-8" aria-hidden="true" />} title={status === 'open' ? t('noOpenIssues') : t('noIssues')}>
          {t('issuesExplain')}
        </EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="issue-list">
          {result.rows.map((row) => (
            <li key={row.issue.id}>
              <p className="mb-1 flex items-center gap-2 text-sm">
                <StatusBadge status={row.task.status} />
                <Link href={`/spaces/${space.id}/tasks/${row.task.id}`} className="min-w-0 truncate font-medium text-slate-900 hover:text-brand-700 hover:underline">
                  #{row.task.number} {row.task.name}
                </Link>
              </p>
              <IssueEntry issue={row.issue} raisedByName={row.raisedByName} resolvedByName={row.resolvedByName} canResolve={allowed.has('task.changeStatus')} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} hasNext={result.hasMore} href={(p) => `${path}?status=${current}&page=${p}`} />
    </div>
  );
}
