import { GanttChartSquare } from 'lucide-react';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { GanttChart } from '@/components/tasks/gantt/gantt-chart';
import { TaskFilterBar } from '@/components/tasks/task-filter-bar';
import { isZoom } from '@/components/tasks/gantt/timeline';
import { EmptyState } from '@/components/ui/empty-state';
import { userActor } from '@/lib/auth/actor';
import { loadOrNotFound } from '@/lib/http/page-data';
import { todayFor } from '@/lib/org/time-zone';
import { getSpacePageData } from '@/lib/spaces/page-data';
import { getGanttData } from '@/lib/tasks/gantt';
import { getTaskFormOptions } from '@/lib/tasks/page-data';
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
  const [{ user, space, allowed }, { members, departments }] = await Promise.all([getSpacePageData(spaceId), getTaskFormOptions(spaceId)]);
  const today = todayFor(user);
  const filters = lenientTaskFilters(query);
  const [data, t] = await Promise.all([
    loadOrNotFound(() => getGanttData(userActor(user), space.id, filters, today)),
    getTranslations('gantt'),
  ]);
  if (!data.total) {
    return <EmptyState icon={<GanttChartSquare className="size-8" aria-hidden="true" />} title={t('empty')}>{t('emptyBody')}</EmptyState>;
  }
  return (
    <div className="space-y-4">
      <TaskFilterBar path={`/spaces/${space.id}/gantt`} filters={filters} members={members} departments={departments} />
      {data.tasks.length ? (
        <GanttChart
          spaceId={space.id}
          data={packGantt(data)}
          today={today}
          initialZoom={isZoom(query.zoom) ? query.zoom : 'day'}
          canEdit={allowed.has('task.edit')}
        />
      ) : (
        <EmptyState title={t('noMatches')}>{t('noMatchesBody')}</EmptyState>
      )}
    </div>
  );
}
