import { GanttChartSquare } from 'lucide-react';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { GanttChart } from '@/components/tasks/gantt/gantt-chart';
import { isZoom } from '@/components/tasks/gantt/timeline';
import { EmptyState } from '@/components/ui/empty-state';
import { userActor } from '@/lib/auth/actor';
import { todayIn } from '@/lib/dates';
import { env } from '@/lib/env';
import { loadOrNotFound } from '@/lib/http/page-data';
import { getSpacePageData } from '@/lib/spaces/page-data';
import { getGanttData } from '@/lib/tasks/gantt';
import { packGantt } from '@/lib/tasks/gantt-transfer';
import { lenientTaskFilters } from '@/lib/tasks/schema';

interface GanttPageProps {
  params: Promise<{ spaceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: GanttPageProps): Promise<Metadata> {
  const [{ space }, t] = await Promise.all([getSpacePageData((await params).spaceId), getTranslations('spaces')]);
  return { title: `${t('gantt')} · ${space.name}` };
}

export default async function SpaceGanttPage({ params, searchParams }: GanttPageProps) {
  const [{ spaceId }, query] = await Promise.all([params, searchParams]);
  const { user, space, allowed } = await getSpacePageData(spaceId);
  const today = todayIn(user.timeZone ?? env.DEFAULT_TIME_ZONE);
  const [data, t] = await Promise.all([
    loadOrNotFound(() => getGanttData(userActor(user), space.id, lenientTaskFilters(query), today)),
    getTranslations('gantt'),
  ]);
  if (!data.total) {
    return <EmptyState icon={<GanttChartSquare className="size-8" aria-hidden="true" />} title={t('empty')}>{t('emptyBody')}</EmptyState>;
  }
  if (!data.tasks.length) return <EmptyState title={t('noMatches')}>{t('noMatchesBody')}</EmptyState>;
  return (
    <GanttChart
      spaceId={space.id}
      data={packGantt(data)}
      today={today}
      initialZoom={isZoom(query.zoom) ? query.zoom : 'day'}
      canEdit={allowed.has('task.edit')}
    />
  );
}
