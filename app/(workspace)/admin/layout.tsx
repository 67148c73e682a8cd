import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { NavTabs } from '@/components/ui/nav-tabs';
import { requireOrgAdmin } from '@/lib/auth/session';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireOrgAdmin('/admin');
  const t = await getTranslations('admin');
  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
      <NavTabs
        label={t('title')}
        tabs={[
          { href: '/admin/users', label: t('users') },
          { href: '/admin/departments', label: t('departments') },
          { href: '/admin/sso', label: t('sso') },
          { href: '/admin/directory', label: t('directory') },
          { href: '/admin/scim', label: t('scim') },
          { href: '/admin/kb-tags', label: t('kbTags') },
          { href: '/admin/audit', label: t('audit') },
        ]}
      />
      <div className="mt-6">{children}</div>
    </div>
  );
}
