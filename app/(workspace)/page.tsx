import { ListTodo, FolderKanban } from 'lucide-react';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { requireUser } from '@/lib/auth/session';
import { getDepartment } from '@/lib/org/queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('home');
  return { title: t('title') };
}

export default async function HomePage() {
  const user = await requireUser('/');
  const [t, department] = await Promise.all([
    getTranslations('home'),
    user.departmentId ? getDepartment(user.organizationId, user.departmentId) : null,
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
          <EmptyState icon={<FolderKanban className="size-8" aria-hidden="true" />} title={t('emptyTitle')}>
            {t('emptyBody')}
          </EmptyState>
        </section>
        <section aria-labelledby="my-tasks">
          <h2 id="my-tasks" className="mb-3 text-base font-semibold text-slate-800">{t('myTasks')}</h2>
          <EmptyState icon={<ListTodo className="size-8" aria-hidden="true" />} title={t('noTasks')} />
        </section>
      </div>
    </div>
  );
}
