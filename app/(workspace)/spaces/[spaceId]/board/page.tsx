import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { RefreshOnEvents } from '@/components/realtime/refresh-on-events';
import { TaskBoard } from '@/components/tasks/board/task-board';
import { TaskFilterBar } from '@/components/tasks/task-filter-bar';
import { userActor } from '@/lib/auth/actor';
import { todayFor } from '@/lib/org/time-zone';
import { getSpacePageData } from '@/lib/spaces/page-data';
import { getBoard } from '@/lib/tasks/board';
import { packBoard } from '@/lib/tasks/board-transfer';
import { getTaskFormOptions } from '@/lib/tasks/page-data';
import { lenientTaskFilters } from '@/lib/tasks/schema';

interface BoardPageProps {
  params: Promise<{ spaceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: BoardPageProps): Promise<Metadata> {
  const [{ space }, t] = await Promise.all([getSpacePageData((await params).spaceId), getTranslations('spaces')]);
  return { title: `${t('board')} · ${space.name}` };
}

/** 看板: the tasks by status, moved by drag and drop or the keyboard. */
export default async function BoardPage({ params, searchParams }: BoardPageProps) {
  const { spaceId } = await params;
  const [{ user, space, allowed }, { members, departments }] = await Promise.all([getSpacePageData(spaceId), getTaskFormOptions(spaceId)]);
  const filters = lenientTaskFilters(await searchParams);
  const today = todayFor(user);
  const columns = await getBoard(userActor(user), space.id, filters, today);
  const path = `/spaces/${space.id}/board`;
  return (
    <div className="space-y-4">
      <RefreshOnEvents types={['task.changed']} viewerId={user.id} />
      <TaskFilterBar path={path} filters={filters} members={members} departments={departments} />
      <TaskBoard
        spaceId={space.id}
        board={packBoard(columns)}
        taskPath={`/spaces/${space.id}/tasks`}
        today={today}
        movable={allowed.has('task.changeStatus')}
      />
    </div>
  );
}
