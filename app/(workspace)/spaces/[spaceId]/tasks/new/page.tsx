import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { TaskForm } from '@/components/tasks/task-form';
import { EmptyState } from '@/components/ui/empty-state';
import { userActor } from '@/lib/auth/actor';
import { messageForTask } from '@/lib/chat/queries';
import { addDays } from '@/lib/dates';
import { todayFor } from '@/lib/org/time-zone';
import { plainTextToDoc } from '@/lib/rich-text/document';
import { getSpacePageData } from '@/lib/spaces/page-data';
import { createTaskAction } from '@/lib/tasks/actions';
import { getTaskFormOptions } from '@/lib/tasks/page-data';

interface NewTaskPageProps {
  params: Promise<{ spaceId: string }>;
  /** 转为任务: the chat message the task is made from. */
  searchParams: Promise<{ fromMessage?: string }>;
}

const NAME_FROM_MESSAGE = 60;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('tasks'))('newTask') };
}

export default async function NewTaskPage({ params, searchParams }: NewTaskPageProps) {
  const [{ spaceId }, { fromMessage }] = await Promise.all([params, searchParams]);
  const [{ space, user, allowed }, t] = await Promise.all([getSpacePageData(spaceId), getTranslations('tasks')]);
  if (!allowed.has('task.create')) return <EmptyState title={t('cannotCreate')} />;
  const { members, departments, milestones } = await getTaskFormOptions(spaceId);
  // A week from today, kept inside the project's dates.
  const due = [addDays(todayFor(user), 7), space.endDate].sort()[0]!;
  const source = fromMessage ? await messageForTask(userActor(user), space.id, fromMessage) : null;
  const firstLine = source?.text.split('\n').find((line) => line.trim())?.trim() ?? '';
  return (
    <section aria-labelledby="new-task-title" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id="new-task-title" className="mb-4 text-lg font-semibold text-slate-900">{t('newTask')}</h2>
      <TaskForm
        action={createTaskAction}
        spaceId={space.id}
        members={members}
        departments={departments}
        milestones={milestones}
        submitLabel={t('create')}
        sourceMessageId={source?.id}
        defaults={{
          name: Array.from(firstLine).slice(0, NAME_FROM_MESSAGE).join(''),
          description: source ? plainTextToDoc(t('fromMessageDescription', { author: source.authorName, text: source.text })) : null, deliveryStandard: null, priority: 'medium', startDate: '', dueDate: due,
          assigneeId: members.some((m) => m.id === user.id) ? user.id : '', helperIds: [], departmentId: '',
          deliverable: '', notes: '', dependsOnNumbers: '', parentNumber: '', milestoneId: '', isMilestone: false,
        }}
      />
    </section>
  );
}
