import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { TaskForm } from '@/components/tasks/task-form';
import { EmptyState } from '@/components/ui/empty-state';
import { editTaskAction } from '@/lib/tasks/actions';
import { getTaskFormOptions, getTaskPageData } from '@/lib/tasks/page-data';

interface EditTaskPageProps {
  params: Promise<{ spaceId: string; taskId: string }>;
}

export async function generateMetadata({ params }: EditTaskPageProps): Promise<Metadata> {
  const { spaceId, taskId } = await params;
  const { view } = await getTaskPageData(spaceId, taskId);
  return { title: `#${view.task.number} ${view.task.name}` };
}

export default async function EditTaskPage({ params }: EditTaskPageProps) {
  const { spaceId, taskId } = await params;
  const [{ view, allowed }, t] = await Promise.all([getTaskPageData(spaceId, taskId), getTranslations('tasks')]);
  if (!allowed.has('task.edit')) return <EmptyState title={t('cannotEdit')} />;
  const { members, departments, milestones } = await getTaskFormOptions(spaceId);
  const { task } = view;
  return (
    <section aria-labelledby="edit-task-title" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id="edit-task-title" className="mb-4 text-lg font-semibold text-slate-900">{t('editTask', { number: task.number })}</h2>
      <TaskForm
        action={editTaskAction}
        spaceId={spaceId}
        taskId={task.id}
        members={members}
        departments={departments}
        milestones={milestones}
        submitLabel={t('save')}
        defaults={{
          name: task.name, description: task.description, deliveryStandard: task.deliveryStandard, priority: task.priority,
          startDate: task.startDate ?? '', dueDate: task.dueDate, assigneeId: task.assigneeId, helperIds: view.helpers.map((h) => h.id),
          departmentId: task.departmentId ?? '', deliverable: task.deliverable ?? '', notes: task.notes ?? '',
          dependsOnNumbers: view.dependsOn.map((d) => d.number).join(', '), parentNumber: view.parent ? String(view.parent.number) : '',
          milestoneId: task.milestoneId ?? '', isMilestone: task.isMilestone,
        }}
      />
    </section>
  );
}
