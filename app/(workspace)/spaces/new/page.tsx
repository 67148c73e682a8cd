import { Check } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { SpaceForm } from '@/components/spaces/space-form';
import { TemplatePreview } from '@/components/spaces/template-preview';
import { userActor } from '@/lib/auth/actor';
import { requireUser } from '@/lib/auth/session';
import { addDays } from '@/lib/dates';
import { todayFor } from '@/lib/org/time-zone';
import type { Locale } from '@/lib/i18n/config';
import { listPeopleOptions } from '@/lib/org/people';
import { flattenDepartmentTree, listDepartmentTree } from '@/lib/org/queries';
import { createSpaceAction } from '@/lib/spaces/actions';
import { listSpaceTemplates, matchDepartmentHints } from '@/lib/templates/space-templates';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('spaces');
  return { title: t('create') };
}

const BLANK_DAYS = 30;

export default async function NewSpacePage({ searchParams }: { searchParams: Promise<{ template?: string }> }) {
  const user = await requireUser('/spaces/new');
  const { template: templateKey } = await searchParams;
  const [t, locale, tree, people] = await Promise.all([
    getTranslations('spaces'),
    getLocale(),
    listDepartmentTree(user.organizationId),
    listPeopleOptions(user.organizationId),
  ]);
  const templates = await listSpaceTemplates(userActor(user), user.organizationId, locale as Locale);
  const template = templates.find((candidate) => candidate.key === templateKey) ?? null;
  const start = todayFor(user);
  const departmentIds = template ? await matchDepartmentHints(user.organizationId, template.content.departmentHints) : [];
  const choice = 'flex min-h-20 flex-col rounded-lg border bg-white p-3 text-left hover:border-brand-600';
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold text-slate-900">{t('create')}</h1>
      <section aria-labelledby="template-title">
        <h2 id="template-title" className="mb-2 text-base font-semibold text-slate-800">{t('chooseTemplate')}</h2>
        <ul className="grid gap-2 sm:grid-cols-3" data-testid="template-choices">
          {[{ key: '', name: t('blank'), description: t('blankHint') }, ...templates].map((option) => {
            const selected = (template?.key ?? '') === option.key;
            return (
              <li key={option.key || 'blank'}>
                <Link
                  href={option.key ? `/spaces/new?template=${encodeURIComponent(option.key)}` : '/spaces/new'}
                  aria-current={selected ? 'true' : undefined}
                  className={`${choice} ${selected ? 'border-brand-600 ring-1 ring-brand-600' : 'border-slate-200'}`}
                >
                  <span className="flex items-center justify-between font-medium text-slate-900">
                    {option.name}
                    {selected && <Check className="size-4 text-brand-700" aria-hidden="true" />}
                  </span>
                  {option.description && <span className="mt-1 line-clamp-2 text-xs text-slate-600">{option.description}</span>}
                </Link>
              </li>
            );
          })}
        </ul>
      </section>
      {template && <TemplatePreview template={template} />}
      <section className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <SpaceForm
          key={template?.key ?? 'blank'}
          action={createSpaceAction}
          departments={flattenDepartmentTree(tree)}
          create={{ people, templateKey: template?.key ?? null }}
          defaults={{
            name: '',
            goal: template?.content.goal ?? '',
            description: '',
            startDate: start,
            endDate: addDays(start, template?.content.durationDays ?? BLANK_DAYS),
            coverColor: 'blue',
            departmentIds,
            adminIds: [user.id],
          }}
          submitLabel={t('createSubmit')}
        />
      </section>
    </div>
  );
}
