import { Archive } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { SpaceEventsProvider } from '@/components/realtime/space-events';
import { coverColorClass } from '@/components/spaces/cover-color';
import { NavTabs } from '@/components/ui/nav-tabs';
import { userActor } from '@/lib/auth/actor';
import { spaceStreamPosition } from '@/lib/realtime/space-stream';
import { getSpacePageData } from '@/lib/spaces/page-data';

export default async function SpaceLayout({ children, params }: { children: ReactNode; params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  const { user, space, allowed } = await getSpacePageData(spaceId);
  const [t, since] = await Promise.all([getTranslations('spaces'), spaceStreamPosition(userActor(user), space.id)]);
  const base = `/spaces/${space.id}`;
  return (
    <div className="mx-auto max-w-5xl">
      <div className={`mb-4 h-2 rounded-full ${coverColorClass(space.coverColor)}`} aria-hidden="true" />
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-2xl font-semibold text-slate-900">{space.name}</h1>
        {space.status === 'archived' && (
          <span className="inline-flex items-center gap-1 rounded bg-slate-100 px-2 py-0.5 text-sm text-slate-700" data-testid="archived-badge">
            <Archive className="size-4" aria-hidden="true" />
            {t('statusArchived')}
          </span>
        )}
      </div>
      {space.status === 'archived' && (
        <p className="mt-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" role="status">
          {t('archivedBanner')}
        </p>
      )}
      <NavTabs
        label={t('sections')}
        tabs={[
          { href: base, label: t('overview'), exact: true },
          { href: `${base}/feed`, label: t('feed') },
          { href: `${base}/chat`, label: t('chat') },
          { href: `${base}/files`, label: t('files') },
          { href: `${base}/meetings`, label: t('meetings') },
          { href: `${base}/kb`, label: t('kb') },
          { href: `${base}/tasks`, label: t('tasks') },
          { href: `${base}/board`, label: t('board') },
          { href: `${base}/gantt`, label: t('gantt') },
          { href: `${base}/progress`, label: t('progress') },
          { href: `${base}/issues`, label: t('issues') },
          { href: `${base}/retro`, label: t('retro') },
          { href: `${base}/members`, label: t('members') },
          ...(allowed.has('space.viewAudit') ? [{ href: `${base}/settings`, label: t('settings') }] : []),
        ]}
      />
      <SpaceEventsProvider key={space.id} spaceId={space.id} since={since}>
        <div className="mt-6">{children}</div>
      </SpaceEventsProvider>
    </div>
  );
}
