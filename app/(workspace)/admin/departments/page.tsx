import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DepartmentCreateForm } from '@/components/admin/department-create-form';
import { DepartmentTree } from '@/components/admin/department-tree';
import { EmptyState } from '@/components/ui/empty-state';
import { requireOrgAdmin } from '@/lib/auth/session';
import { createDepartmentAction, deleteDepartmentAction, moveDepartmentAction, renameDepartmentAction } from '@/lib/org/admin-actions';
import { flattenDepartmentTree, listDepartmentTree } from '@/lib/org/queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('departments') };
}

export default async function AdminDepartmentsPage() {
  const user = await requireOrgAdmin('/admin/departments');
  const [t, tree] = await Promise.all([getTranslations('admin'), listDepartmentTree(user.organizationId)]);
  const departments = flattenDepartmentTree(tree);
  const actions = { rename: renameDepartmentAction, move: moveDepartmentAction, remove: deleteDepartmentAction };
  return (
    <div className="space-y-6">
      <section className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <h2 className="mb-3 text-base font-semibold text-slate-900">{t('addDepartment')}</h2>
        <DepartmentCreateForm action={createDepartmentAction} departments={departments} />
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <h2 className="text-base font-semibold text-slate-900">{t('departmentTree')}</h2>
        <p className="mt-1 mb-3 text-sm text-slate-600">{t('departmentTreeHint')}</p>
        {departments.length === 0 ? (
          <EmptyState title={t('noDepartments')} />
        ) : (
          <DepartmentTree departments={departments} actions={actions} />
        )}
      </section>
    </div>
  );
}
