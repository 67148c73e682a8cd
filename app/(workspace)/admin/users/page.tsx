import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { InviteForm } from '@/components/admin/invite-form';
import { ActionButton } from '@/components/ui/action-button';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { userActor } from '@/lib/auth/actor';
import { requireOrgAdmin } from '@/lib/auth/session';
import { inviteUserAction, setUserActiveAction, setUserAdminAction } from '@/lib/org/admin-actions';
import { flattenDepartmentTree, listDepartmentTree, listUsersForAdmin } from '@/lib/org/queries';
import { DepartmentOptions } from '@/components/org/department-options';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('users') };
}

interface UsersPageProps {
  searchParams: Promise<{ q?: string; department?: string; page?: string }>;
}

export default async function AdminUsersPage({ searchParams }: UsersPageProps) {
  const user = await requireOrgAdmin('/admin/users');
  const { q = '', department = '', page = '1' } = await searchParams;
  const [t, tree, result] = await Promise.all([
    getTranslations('admin'),
    listDepartmentTree(user.organizationId),
    listUsersForAdmin(userActor(user), user.organizationId, { q, departmentId: department, page: Number(page) || 1 }),
  ]);
  const pageHref = (target: number) => `/admin/users?${new URLSearchParams({ q, department, page: String(target) })}`;
  const departments = flattenDepartmentTree(tree);
  return (
    <div className="space-y-4">
      <details className="rounded-lg border border-slate-200 bg-white p-4" open={result.total === 0 || undefined}>
        <summary className="cursor-pointer font-medium text-slate-900">{t('inviteTitle')}</summary>
        <p className="mt-1 mb-3 text-sm text-slate-600">{t('inviteHint')}</p>
        <InviteForm action={inviteUserAction} departments={departments} />
      </details>
      <form role="search" className="flex flex-col gap-2 sm:flex-row" action="/admin/users">
        <label className="sr-only" htmlFor="user-search">{t('search')}</label>
        <input
          id="user-search"
          name="q"
          defaultValue={q}
          placeholder={t('searchPlaceholder')}
          className="min-h-11 flex-1 rounded-md border border-slate-300 bg-white px-3 text-base"
        />
        <label className="sr-only" htmlFor="user-department">{t('departmentFilter')}</label>
        <select id="user-department" name="department" defaultValue={department} className="min-h-11 rounded-md border border-slate-300 bg-white px-3 text-base">
          <option value="">{t('allDepartments')}</option>
          <DepartmentOptions departments={departments} />
        </select>
        <button type="submit" className="min-h-11 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">
          {t('search')}
        </button>
      </form>
      <p className="text-sm text-slate-600">{t('userCount', { count: result.total })}</p>
      {result.rows.length === 0 ? (
        <EmptyState title={t('noUsers')} />
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="user-list">
          {result.rows.map((row) => (
            <li key={row.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center">
              <div className="min-w-0 flex-1">
                <p className="font-medium text-slate-900">
                  {row.name}
                  {row.isOrgAdmin && <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-700">{t('adminBadge')}</span>}
                  {!row.isActive && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{t('inactiveBadge')}</span>}
                </p>
                <p className="truncate text-sm text-slate-600">
                  {row.email} · {row.departmentName ?? t('noDepartment')}
                  {row.title && ` · ${row.title}`}
                </p>
              </div>
              {row.id !== user.id && (
                <div className="flex flex-wrap gap-1 sm:justify-end">
                  <ActionButton
                    action={setUserAdminAction}
                    fields={{ userId: row.id, admin: row.isOrgAdmin ? '0' : '1' }}
                    label={row.isOrgAdmin ? t('revokeAdmin') : t('grantAdmin')}
                    ariaLabel={t('rowAction', { action: row.isOrgAdmin ? t('revokeAdmin') : t('grantAdmin'), name: row.name })}
                  />
                  <ActionButton
                    action={setUserActiveAction}
                    fields={{ userId: row.id, active: row.isActive ? '0' : '1' }}
                    label={row.isActive ? t('deactivate') : t('activate')}
                    ariaLabel={t('rowAction', { action: row.isActive ? t('deactivate') : t('activate'), name: row.name })}
                    tone={row.isActive ? 'danger' : 'default'}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} href={pageHref} />
    </div>
  );
}
