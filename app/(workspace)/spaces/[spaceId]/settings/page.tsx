import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AwaitingList } from '@/components/comments/awaiting-list';
import { CommentSettingsForm } from '@/components/comments/comment-settings-form';
import { CloseProject } from '@/components/spaces/close-project';
import { SpaceAuditLog } from '@/components/spaces/space-audit-log';
import { SpaceForm } from '@/components/spaces/space-form';
import { SaveTemplateForm } from '@/components/spaces/save-template-form';
import { Pagination } from '@/components/ui/pagination';
import { userActor } from '@/lib/auth/actor';
import { updateCommentSettingsAction } from '@/lib/comments/actions';
import { listSpaceAwaiting } from '@/lib/comments/queries';
import { getCommentSettings } from '@/lib/comments/settings';
import { listActivePeople } from '@/lib/org/people';
import { flattenDepartmentTree, listDepartmentTree } from '@/lib/org/queries';
import { saveSpaceAsTemplateAction, updateSpaceAction } from '@/lib/spaces/actions';
import { getRetroStatus } from '@/lib/retro/queries';
import { getSpacePageData } from '@/lib/spaces/page-data';
import { AUDIT_PAGE_SIZE } from '@/lib/audit';
import { listSpaceAudit } from '@/lib/spaces/queries';

interface SettingsPageProps {
  params: Promise<{ spaceId: string }>;
  searchParams?: Promise<{ page?: string }>;
}

export async function generateMetadata({ params }: SettingsPageProps): Promise<Metadata> {
  const [{ space }, t] = await Promise.all([getSpacePageData((await params).spaceId), getTranslations('spaces')]);
  return { title: `${t('settings')} · ${space.name}` };
}

const card = 'rounded-lg border border-slate-200 bg-white p-4 sm:p-6';

export default async function SpaceSettingsPage({ params, searchParams }: SettingsPageProps) {
  const { space, departments, allowed, user } = await getSpacePageData((await params).spaceId);
  // Settings are for space and org admins; to others this page does not exist.
  if (!allowed.has('space.viewAudit')) notFound();
  const page = Math.max(1, Number((await searchParams)?.page) || 1);
  const now = new Date();
  const [t, tr, tDelivery, tc, ta, tree, audit, people, responseRule, awaiting, retroStatus] = await Promise.all([
    getTranslations('spaces'),
    getTranslations('retro.exportSpace'),
    getTranslations('deliverySettings'),
    getTranslations('commentSettings'),
    getTranslations('awaiting'),
    listDepartmentTree(user.organizationId),
    listSpaceAudit(userActor(user), space.id, page),
    listActivePeople(user.organizationId),
    getCommentSettings(userActor(user), space.id),
    listSpaceAwaiting(userActor(user), space.id, now),
    getRetroStatus(userActor(user), space.id),
  ]);
  const departmentOptions = flattenDepartmentTree(tree);
  // The log stores ids; show the names people know (members who left included).
  const names = new Map([...departmentOptions, ...people].map((entry) => [entry.id, entry.name]));
  return (
    <div className="space-y-6">
      {allowed.has('space.manageSettings') && (
        <section aria-labelledby="basics-title" className={card}>
          <h2 id="basics-title" className="mb-4 text-base font-semibold text-slate-900">{t('basics')}</h2>
          <SpaceForm
            action={updateSpaceAction}
            spaceId={space.id}
            departments={departmentOptions}
            defaults={{ ...space, description: space.description ?? '', departmentIds: departments.map((d) => d.id), adminIds: [] }}
            submitLabel={t('saveSettings')}
          />
        </section>
      )}
      <Link href={`/spaces/${space.id}/settings/delivery`} className={`${card} block hover:border-brand-300`} data-testid="delivery-settings-link">
        <span className="font-semibold text-slate-900">{tDelivery('link')}</span>
        <span className="mt-1 block text-sm text-slate-600">{tDelivery('linkHint')}</span>
      </Link>
      {allowed.has('space.manageSettings') && (
        <section aria-labelledby="response-title" className={card}>
          <h2 id="response-title" className="text-base font-semibold text-slate-900">{tc('title')}</h2>
          <p className="mt-1 mb-3 text-sm text-slate-600">{tc('intro')}</p>
          <CommentSettingsForm spaceId={space.id} defaults={responseRule} action={updateCommentSettingsAction} />
        </section>
      )}
      <section aria-labelledby="awaiting-title">
        <h2 id="awaiting-title" className="text-base font-semibold text-slate-900">{ta('spaceTitle')}</h2>
        <p className="mt-1 mb-2 text-sm text-slate-600">{ta('spaceIntro')}</p>
        {awaiting.length ? <AwaitingList items={awaiting} now={now} showWho /> : <p className="text-sm text-slate-500">{ta('spaceEmpty')}</p>}
      </section>
      <CloseProject spaceId={space.id} status={space.status} retroStatus={retroStatus} allowed={allowed} />
      {allowed.has('space.export') && (
        <section aria-labelledby="export-title" className={card}>
          <h2 id="export-title" className="text-base font-semibold text-slate-900">{tr('title')}</h2>
          <p className="mt-1 mb-3 text-sm text-slate-600">{tr('hint')}</p>
          <a href={`/api/v1/spaces/${space.id}/export`} className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-50" data-testid="export-space">
            {tr('download')}
          </a>
        </section>
      )}
      {allowed.has('space.saveAsTemplate') && (
        <section aria-labelledby="template-title" className={card}>
          <h2 id="template-title" className="text-base font-semibold text-slate-900">{t('saveAsTemplate')}</h2>
          <p className="mt-1 mb-3 text-sm text-slate-600">{t('saveAsTemplateHint')}</p>
          <SaveTemplateForm action={saveSpaceAsTemplateAction} spaceId={space.id} defaultName={space.name} />
        </section>
      )}
      <section aria-labelledby="audit-title">
        <h2 id="audit-title" className="mb-2 text-base font-semibold text-slate-900">{t('auditLog')}</h2>
        <SpaceAuditLog rows={audit.slice(0, AUDIT_PAGE_SIZE)} names={names} />
        <div className="mt-2">
          <Pagination page={page} hasNext={audit.length > AUDIT_PAGE_SIZE} href={(target) => `/spaces/${space.id}/settings?page=${target}#audit-title`} />
        </div>
      </section>
    </div>
  );
}
