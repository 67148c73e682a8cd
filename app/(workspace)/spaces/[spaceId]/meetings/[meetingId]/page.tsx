import { CalendarPlus, FileDown, Gavel, Link2, MapPin, Pencil, Printer } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AttachmentList } from '@/components/files/attachment-list';
import { ActionItemEditor } from '@/components/meetings/action-item-editor';
import { ActionItemForm } from '@/components/meetings/action-item-form';
import { AgendaTimer } from '@/components/meetings/agenda-timer';
import { MinutesForm } from '@/components/meetings/minutes-form';
import { NoteComposer } from '@/components/meetings/note-composer';
import { RefreshOnEvents } from '@/components/realtime/refresh-on-events';
import { RichTextView } from '@/components/rich-text/rich-text-view';
import { PriorityBadge, StatusBadge } from '@/components/tasks/task-badges';
import { ActionButton } from '@/components/ui/action-button';
import { addDays } from '@/lib/dates';
import { getAttachmentsData } from '@/lib/files/page-data';
import {
  addActionItemAction, addMeetingNoteAction, cancelMeetingAction, deleteActionItemAction, deleteMeetingNoteAction, markDecisionAction,
  runAgendaItemAction, saveMinutesAction, syncActionItemsAction, updateActionItemAction,
} from '@/lib/meetings/actions';
import { getMeetingPageData } from '@/lib/meetings/page-data';
import { endOf } from '@/lib/meetings/queries';
import { todayFor } from '@/lib/org/time-zone';
import { getTaskFormOptions } from '@/lib/tasks/page-data';

type Params = { params: Promise<{ spaceId: string; meetingId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { spaceId, meetingId } = await params;
  return { title: (await getMeetingPageData(spaceId, meetingId)).view.meeting.topic };
}

function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4">
      <h3 id={id} className="mb-3 text-base font-semibold text-slate-900">{title}</h3>
      {children}
    </section>
  );
}

/** A meeting while it runs and afterwards: agenda with timer, live notes, minutes and action items. */
export default async function MeetingPage({ params }: Params) {
  const { spaceId, meetingId } = await params;
  const [{ user, space, view, timeZone }, t, format] = await Promise.all([
    getMeetingPageData(spaceId, meetingId), getTranslations('meetings'), getFormatter(),
  ]);
  const { meeting, rights } = view;
  const [{ members: people }, { attachments, choices }] = await Promise.all([
    getTaskFormOptions(space.id),
    getAttachmentsData(user, space.id, { type: 'meeting', id: meeting.id }, rights.edit),
  ]);
  const cancelled = meeting.status === 'cancelled';
  const api = `/api/v1/meetings/${meeting.id}`;
  const when = `${format.dateTime(meeting.startsAt, { timeZone, dateStyle: 'full', timeStyle: 'short' })} – ${format.dateTime(endOf(meeting), { timeZone, timeStyle: 'short' })}`;
  const decisions = view.notes.filter((n) => n.isDecision);
  return (
    <div className="space-y-4">
      <RefreshOnEvents types={['meeting.changed', 'task.changed', 'file.changed']} viewerId={user.id} />
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <h2 className={`text-xl font-semibold ${cancelled ? 'text-slate-500 line-through' : 'text-slate-900'}`} data-testid="meeting-topic">{meeting.topic}</h2>
          {cancelled && <span className="rounded bg-slate-100 px-2 py-0.5 text-sm text-slate-700">{t('cancelled')}</span>}
          {meeting.recurrence !== 'none' && <span className="rounded bg-brand-50 px-2 py-0.5 text-xs text-brand-800">{t(`recurrences.${meeting.recurrence}`)}</span>}
        </div>
        <p className="text-sm text-slate-700">{when}</p>
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600">
          {meeting.place && <span className="inline-flex items-center gap-1"><MapPin className="size-4" aria-hidden="true" />{meeting.place}</span>}
          {meeting.onlineUrl && (
            <a href={meeting.onlineUrl} target="_blank" rel="noopener noreferrer" className="inline-flex items-center gap-1 text-brand-700 hover:underline">
              <Link2 className="size-4" aria-hidden="true" />{t('onlineUrl')}
            </a>
          )}
          {meeting.organizerName && <span>{t('organizer')} {meeting.organizerName}</span>}
          {view.departments.length > 0 && <span>{t('departments')}：{view.departments.map((d) => d.name).join('、')}</span>}
        </p>
        <p className="text-sm text-slate-600">
          {t('attendees')}：{view.attendees.map((a) => (a.absent ? `${a.name}（${t('absentees')}）` : a.name)).join('、')}
        </p>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <a href={`${api}/invitation`} className="inline-flex min-h-9 items-center gap-1 rounded-md border border-slate-300 bg-white px-3 hover:bg-slate-50">
            <CalendarPlus className="size-4" aria-hidden="true" />{t('downloadIcs')}
          </a>
          {/* The label stays with its links when the row wraps on a phone. */}
          <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className="inline-flex items-center gap-1 text-slate-600"><FileDown className="size-4" aria-hidden="true" />{t('export')}：</span>
            <a href={`${api}/minutes-table?format=xlsx`} className="text-brand-700 hover:underline">{t('exportXlsx')}</a>
            <a href={`${api}/minutes-table?format=docx`} className="text-brand-700 hover:underline">{t('exportDocx')}</a>
            <Link href={`/spaces/${space.id}/meetings/${meeting.id}/minutes`} className="inline-flex items-center gap-1 text-brand-700 hover:underline">
              <Printer className="size-4" aria-hidden="true" />{t('print')}
            </Link>
          </span>
          {rights.edit && !cancelled && (
            <>
              <Link href={`/spaces/${space.id}/meetings/${meeting.id}/edit`} className="ml-auto inline-flex min-h-9 items-center gap-1 rounded-md px-3 text-brand-700 hover:bg-brand-50">
                <Pencil className="size-4" aria-hidden="true" />{t('editMeeting')}
              </Link>
              <ActionButton action={cancelMeetingAction} fields={{ meetingId: meeting.id }} label={t('cancelMeeting')} tone="danger" confirm={t('cancelConfirm')} />
            </>
          )}
        </div>
      </header>

      <div className="grid gap-4 lg:grid-cols-2">
        <Section title={t('agenda')} id="agenda-title">
          {view.agenda.length === 0 ? <p className="text-sm text-slate-500">{t('none')}</p> : (
            <AgendaTimer
              meetingId={meeting.id}
              canRun={rights.record && !cancelled}
              action={runAgendaItemAction}
              items={view.agenda.map((a) => ({ ...a, startedAt: a.startedAt?.toISOString() ?? null, endedAt: a.endedAt?.toISOString() ?? null }))}
            />
          )}
        </Section>

        <Section title={t('notes')} id="notes-title">
          <p className="mb-3 text-xs text-slate-500">{t('notesHint')}</p>
          {view.notes.length === 0 ? <p className="mb-3 text-sm text-slate-500">{t('noNotes')}</p> : (
            <ul className="mb-3 space-y-2" data-testid="meeting-notes">
              {view.notes.map((note) => {
                const mayChange = rights.record || note.authorId === user.id;
                return (
                  <li key={note.id} className={`rounded-md border px-3 py-2 text-sm ${note.isDecision ? 'border-amber-300 bg-amber-50' : 'border-slate-200'}`}>
                    <p className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
                      <span className="font-medium text-slate-700">{note.authorName ?? '—'}</span>
                      <time dateTime={note.createdAt.toISOString()}>{format.dateTime(note.createdAt, { timeZone, timeStyle: 'short' })}</time>
                      {note.isDecision && <span className="inline-flex items-center gap-1 font-medium text-amber-800"><Gavel className="size-3.5" aria-hidden="true" />{t('decision')}</span>}
                    </p>
                    <p className="mt-1 whitespace-pre-wrap break-words text-slate-900">{note.body}</p>
                    {mayChange && rights.note && (
                      <div className="mt-1 flex justify-end gap-1">
                        <ActionButton action={markDecisionAction} fields={{ noteId: note.id, isDecision: String(!note.isDecision) }} label={note.isDecision ? t('unmarkDecision') : t('markDecision')} />
                        <ActionButton action={deleteMeetingNoteAction} fields={{ noteId: note.id }} label={t('deleteNote')} tone="danger" />
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          {rights.note && <NoteComposer meetingId={meeting.id} action={addMeetingNoteAction} />}
        </Section>
      </div>

      <AttachmentList spaceId={space.id} target={{ type: 'meeting', id: meeting.id }} attachments={attachments} choices={choices} canAttach={rights.edit} />

      {decisions.length > 0 && (
        <Section title={t('decisions')} id="decisions-title">
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-900" data-testid="meeting-decisions">
            {decisions.map((d) => <li key={d.id}>{d.body}</li>)}
          </ul>
        </Section>
      )}

      <Section title={t('actionItems')} id="actions-title">
        {view.actionItems.length === 0 ? <p className="mb-3 text-sm text-slate-500">{t('noActionItems')}</p> : (
          <ul className="mb-3 divide-y divide-slate-100" data-testid="action-items">
            {view.actionItems.map((item) => {
              const done = item.task?.status === 'done';
              const summary = (
                <div className="space-y-1 text-sm">
                  <p className={`break-words ${done ? 'text-slate-500 line-through' : 'font-medium text-slate-900'}`}>{item.title}</p>
                  <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-slate-600">
                    <span data-testid="action-item-owner">{t('owner')}：{item.ownerName}</span>
                    {item.helpers.length > 0 && <span data-testid="action-item-helpers">{t('helpers')}：{item.helpers.map((h) => h.name).join('、')}</span>}
                    <span data-testid="action-item-due">{t('dueDate')}：{item.dueDate}</span>
                    <PriorityBadge priority={item.priority} />
                    {item.task ? (
                      <Link href={`/spaces/${space.id}/tasks/${item.task.id}`} className="inline-flex items-center gap-1 text-brand-700 hover:underline">
                        {t('taskLink', { number: item.task.number })} <StatusBadge status={item.task.status} />
                      </Link>
                    ) : <span className="text-xs text-slate-500">{t('notSynced')}</span>}
                  </p>
                </div>
              );
              return (
                <li key={item.id} className="py-2" data-done={done || undefined} data-testid="action-item">
                  {rights.record ? (
                    <ActionItemEditor
                      meetingId={meeting.id}
                      action={updateActionItemAction}
                      members={people}
                      item={{ id: item.id, title: item.title, ownerId: item.ownerId, helperIds: item.helpers.map((h) => h.id), dueDate: item.dueDate, priority: item.priority }}
                      controls={<ActionButton action={deleteActionItemAction} fields={{ itemId: item.id }} label={t('removeActionItem')} ariaLabel={t('removeActionItemNamed', { title: item.title })} tone="danger" />}
                    >
                      {summary}
                    </ActionItemEditor>
                  ) : summary}
                </li>
              );
            })}
          </ul>
        )}
        {rights.record && (
          <div className="space-y-3">
            {view.actionItems.some((item) => !item.task) && (
              <ActionButton action={syncActionItemsAction} fields={{ meetingId: meeting.id }} label={t('syncToTasks')} />
            )}
            <ActionItemForm
              meetingId={meeting.id}
              action={addActionItemAction}
              members={people}
              defaults={{ title: '', ownerId: '', helperIds: [], dueDate: addDays(todayFor(user), 7), priority: 'medium' }}
            />
          </div>
        )}
      </Section>

      <Section title={t('minutes')} id="minutes-title">
        {rights.record ? (
          <MinutesForm meetingId={meeting.id} action={saveMinutesAction} minutes={meeting.minutes} nextMeeting={meeting.nextMeeting ?? ''} attendees={view.attendees} />
        ) : (
          <div className="space-y-2 text-sm">
            {meeting.minutes ? <RichTextView doc={meeting.minutes} /> : <p className="text-slate-500">{t('noMinutes')}</p>}
            {meeting.nextMeeting && <p><span className="font-medium">{t('nextMeeting')}：</span>{meeting.nextMeeting}</p>}
          </div>
        )}
      </Section>
    </div>
  );
}
