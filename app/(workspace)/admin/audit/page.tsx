import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { userActor } from '@/lib/auth/actor';
import { requireOrgAdmin } from '@/lib/auth/session';
import { AUDIT_PAGE_SIZE, listAuditEvents } from '@/lib/audit';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('audit') };
}

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireOrgAdmin('/admin/audit');
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const [t, format, rows] = await Promise.all([
    getTranslations('admin'),
    getFormatter(),
    listAuditEvents(userActor(user), user.organizationId, page),
  ]);
  const hasMore = rows.length > AUDIT_PAGE_SIZE;
  if (rows.length === 0) return <EmptyState title={t('noAudit')} />;
  return (
    <div className="space-y-3">
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="audit-list">
        {rows.slice(0, AUDIT_PAGE_SIZE).map((row) => (
          <li key={row.id} className="flex flex-col gap-1 px-4 py-2 text-sm sm:flex-row sm:items-center">
            <time className="text-slate-500 sm:w-44" dateTime={row.createdAt.toISOString()}>
              {format.dateTime(row.createdAt, { dateStyle: 'short', timeStyle: 'medium' })}
            </time>
            <span className="text-slate-900 sm:w-32">{row.actorName ?? t('systemActor')}</span>
            <code className="text-slate-700">{row.action}</code>
            {row.targetType && <span className="truncate text-slate-500">{row.targetType}:{row.targetId}</span>}
          </li>
        ))}
      </ul>
      <Pagination page={page} hasNext={hasMore} href={(target) => `/admin/audit?page=${target}`} />
    </div>
  );
}
