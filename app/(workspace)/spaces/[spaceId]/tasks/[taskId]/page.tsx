import { Pencil } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { CommentThread } from '@/components/comments/comment-thread';
import { AttachmentList } from '@/components/files/attachment-list';
import { RefreshOnEvents } from '@/components/realtime/refresh-on-events';
import { RichTextView } from '@/components/rich-text/rich-text-view';
import { IssueEntry } from '@/components/tasks/issue-entry';
import { MilestoneMark, PriorityBadge, ReassignBadge, StatusBadge } from '@/components/tasks/task-badges';
import { TaskRefList } from '@/components/tasks/task-ref-list';
import { TaskStatusControl } from '@/components/tasks/task-status-control';
import { ActionButton } from '@/components/ui/action-button';
import { userActor } from '@/lib/auth/actor';
import { messageLocation } from '@/lib/chat/queries';
import { getCommentThreadData } from '@/lib/comments/page-data';
import { getAttachmentsData } from '@/lib/files/page-data';
import { meetingOfTask } from '@/lib/meetings/queries';
import { messageHref } from '@/lib/chat/links';
import { todayFor } from '@/lib/org/time-zone';
import { deleteTaskAction } from '@/lib/tasks/actions';
import { getTaskPageData } from '@/lib/tasks/page-data';

interface TaskPageProps {
  params: Promise<{ spaceId: string; taskId: string }>;
}

export async function generateMetadata({ params }: TaskPageProps): Promise<Metadata> {
  const { spaceId, taskId } = await params;
  const { view } = await getTaskPageData(spaceId, taskId);
  return { title: `#${view.task.number} ${view.task.name}` };
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

export default async function TaskPage({ params }: TaskPageProps) {
  const { spaceId, taskId } = await params;
  const [{ view, allowed, user }, t] = await Promise.all([getTaskPageData(spaceId, taskId), getTranslations('tasks')]);
  const { task } = view;
  const overdue = task.status !== 'done' && task.dueDate < todayFor(user);
  const [source, meeting, meetings, thread] = await Promise.all([
    task.sourceMessageId ? messageLocation(userActor(user), task.sourceMessageId) : null,
    meetingOfTask(task.id),
    getTranslations('meetings'),
    getCommentThreadData(user, spaceId, { type: 'task', id: task.id }),
  ]);
  const canAttach = allowed.has('task.edit');
  const { attachments, choices } = await getAttachmentsData(user, spaceId, { type: 'task', id: task.id }, canAttach);
  const openIssues = view.issues.filter((row) => row.issue.status === 'open').length;
  const base = `/spaces/${spaceId}/tasks`;
  return (
    <article className="space-y-6" aria-labelledby="task-title">
      <RefreshOnEvents types={['task.changed', 'file.changed', 'comment.changed']} viewerId={user.id} />
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-sm text-slate-500"><Link href={base} className="hover:underline">{t('backToList')}</Link></p>
          <h2 id="task-title" className="mt-1 flex flex-wrap items-center gap-2 text-xl font-semibold text-slate-900">
            <span className="text-slate-400">#{task.number}</span>
            {task.isMilestone && <MilestoneMark />}
            <span className="break-all">{task.name}</span>
          </h2>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <StatusBadge status={task.status} />
            <PriorityBadge priority={task.priority} />
            <ReassignBadge status={task.status} assigneeActive={task.assigneeActive} />
            {overdue && <span className="text-xs font-medium text-red-700" data-testid="overdue">{t('overdue')}</span>}
          </div>
        </div>
        <div className="flex items-center gap-2">
          {allowed.has('task.edit') && (
            <Link href={`${base}/${task.id}/edit`} className="inline-flex min-h-10 items-center gap-1 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-50">
              <Pencil className="size-4" aria-hidden="true" />
              {t('edit')}
            </Link>
          )}
          {allowed.has('task.delete') && (
            <ActionButton action={deleteTaskAction} fields={{ taskId: task.id, spaceId }} label={t('delete')} tone="danger" confirm={t('deleteConfirm', { name: task.name })} />
          )}
        </div>
      </header>

      {allowed.has('task.changeStatus') && (
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <TaskStatusControl spaceId={spaceId} taskId={task.id} status={task.status} openIssues={openIssues} />
        </section>
      )}

      <dl className="grid grid-cols-2 gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3">
        <Fact label={t('assignee')}><span data-testid="task-assignee">{task.assigneeName}</span></Fact>
        <Fact label={t('helpers')}>{view.helpers.length ? view.helpers.map((h) => h.name).join('、') : '—'}</Fact>
        <Fact label={t('department')}>{task.departmentName ?? '—'}</Fact>
        <Fact label={t('startDate')}>{task.startDate ?? '—'}</Fact>
        <Fact label={t('dueDate')}><span className={overdue ? 'font-medium text-red-700' : ''}>{task.dueDate}</span></Fact>
        <Fact label={t('completedAt')}>{task.completedAt ? task.completedAt.toISOString().slice(0, 10) : '—'}</Fact>
        <Fact label={t('deliverable')}><span className="whitespace-pre-line">{task.deliverable ?? '—'}</span></Fact>
        <Fact label={t('notes')}><span className="whitespace-pre-line">{task.notes ?? '—'}</span></Fact>
        {source && (
          <Fact label={t('source')}>
            <Link className="text-brand-700 underline" href={messageHref(spaceId, source)} data-testid="task-source-message">
              {t('sourceMessage')}
            </Link>
          </Fact>
        )}
        {meeting && (
          <Fact label={t('source')}>
            <Link className="text-brand-700 underline" href={`/spaces/${spaceId}/meetings/${meeting.id}`} data-testid="task-source-meeting">
              {meetings('fromMeeting', { topic: meeting.topic })}
            </Link>
          </Fact>
        )}
      </dl>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="description-title" className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 id="description-title" className="mb-2 font-medium text-slate-900">{t('description')}</h3>
          {task.description ? <RichTextView doc={task.description} className="text-sm text-slate-800" /> : <p className="text-sm text-slate-500">{t('none')}</p>}
        </section>
        <section aria-labelledby="standard-title" className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 id="standard-title" className="mb-2 font-medium text-slate-900">{t('deliveryStandard')}</h3>
          {task.deliveryStandard ? <RichTextView doc={task.deliveryStandard} className="text-sm text-slate-800" /> : <p className="text-sm text-slate-500">{t('none')}</p>}
        </section>
      </div>

      <AttachmentList spaceId={spaceId} target={{ type: 'task', id: task.id }} attachments={attachments} choices={choices} canAttach={canAttach} />

      <div className="grid gap-6 sm:grid-cols-2">
        <TaskRefList title={t('parent')} tasks={view.parent ? [view.parent] : []} base={base} />
        <TaskRefList title={t('subtasks')} tasks={view.subtasks} base={base} />
        <TaskRefList title={t('dependsOn')} tasks={view.dependsOn} base={base} />
        <TaskRefList title={t('dependents')} tasks={view.dependents} base={base} />
      </div>

      <section aria-labelledby="issues-title">
        <h3 id="issues-title" className="mb-2 font-medium text-slate-900">{t('issueTracking')}</h3>
        {view.issues.length ? (
          <div className="space-y-2">
            {view.issues.map((row) => (
              <IssueEntry key={row.issue.id} issue={row.issue} raisedByName={row.raisedByName} resolvedByName={row.resolvedByName} canResolve={allowed.has('task.changeStatus')} />
            ))}
          </div>
        ) : (
          <p className="text-sm text-slate-500">{t('noIssues')}</p>
        )}
      </section>

      <CommentThread target={{ type: 'task', id: task.id }} viewerId={user.id} {...thread} />
    </article>
  );
}
