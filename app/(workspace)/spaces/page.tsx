import { FolderKanban, Plus } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DepartmentOptions } from '@/components/org/department-options';
import { SpaceCard } from '@/components/spaces/space-card';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { userActor } from '@/lib/auth/actor';
import { requireUser } from '@/lib/auth/session';
import { flattenDepartmentTree, listDepartmentTree } from '@/lib/org/queries';
import { listSpaces, SPACES_PAGE_SIZE } from '@/lib/spaces/queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('spaces');
  return { title: t('title') };
}

interface SpacesPageProps {
  searchParams: Promise<{ scope?: string; status?: string; department?: string; q?: string; page?: string }>;
}

const filterControl = 'min-h-11 min-w-0 rounded-md border border-slate-300 bg-white px-2 text-base sm:px-3';

export default async function SpacesPage({ searchParams }: SpacesPageProps) {
  const user = await requireUser('/spaces');
  // Finished (archived) spaces leave the default list; the 已归档 filter finds them.
  const { scope = 'mine', status = 'active', department = '', q = '', page = '1' } = await searchParams;
  const [t, tree, result] = await Promise.all([
    getTranslations('spaces'),
    listDepartmentTree(user.organizationId),
    listSpaces(userActor(user), { scope: scope as 'mine', status: (status === 'all' ? undefined : status) as 'active', departmentId: department || undefined, q, page }),
  ]);
  const filtered = Boolean(status !== 'active' || department || q || scope !== 'mine');
  const pageHref = (target: number) => `/spaces?${new URLSearchParams({ scope, status, department, q, page: String(target) })}`;
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
        <Link href="/spaces/new" className="inline-flex min-h-10 items-center gap-2 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">
          <Plus className="size-4" aria-hidden="true" />
          {t('create')}
        </Link>
      </div>
      <form role="search" action="/spaces" className="grid grid-cols-3 gap-2 sm:grid-cols-[1fr_auto_auto_auto_auto]">
        <label className="sr-only" htmlFor="space-search">{t('search')}</label>
        <input id="space-search" name="q" type="search" defaultValue={q} placeholder={t('searchPlaceholder')} className={`${filterControl} col-span-3 sm:col-span-1`} />
        <label className="sr-only" htmlFor="space-scope">{t('scope')}</label>
        <select id="space-scope" name="scope" defaultValue={scope} className={filterControl}>
          <option value="mine">{t('scopeMine')}</option>
          <option value="all">{t('scopeAll')}</option>
        </select>
        <label className="sr-only" htmlFor="space-status">{t('status')}</label>
        <select id="space-status" name="status" defaultValue={status} className={filterControl}>
          <option value="active">{t('statusActive')}</option>
          <option value="archived">{t('statusArchived')}</option>
          <option value="all">{t('anyStatus')}</option>
        </select>
        <label className="sr-only" htmlFor="space-department">{t('departmentFilter')}</label>
        <select id="space-department" name="department" defaultValue={department} className={filterControl}>
          <option value="">{t('anyDepartment')}</option>
          <DepartmentOptions departments={flattenDepartmentTree(tree)} />
        </select>
        <button type="submit" className="col-span-3 min-h-11 rounded-md border sm:col-span-1 border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-50">
          {t('filter')}
        </button>
      </form>
      {result.rows.length === 0 ? (
        <EmptyState icon={<FolderKanban className="size-8" aria-hidden="true" />} title={filtered ? t('noMatches') : t('emptyTitle')}>
          {filtered ? t('noMatchesBody') : t('emptyBody')}
        </EmptyState>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2" data-testid="space-list">
          {result.rows.map((row) => (
            <li key={row.space.id}>
              <SpaceCard space={row.space} departments={row.departments} memberCount={row.memberCount} myRole={row.myRole} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={result.page} pageCount={Math.ceil(result.total / SPACES_PAGE_SIZE)} href={pageHref} />
    </div>
  );
}
