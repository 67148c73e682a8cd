import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { MeetingForm } from '@/components/meetings/meeting-form';
import { EmptyState } from '@/components/ui/empty-state';
import { utcToZonedTime } from '@/lib/dates';
import { editMeetingAction } from '@/lib/meetings/actions';
import { getMeetingPageData } from '@/lib/meetings/page-data';
import { endOf } from '@/lib/meetings/queries';
import { getTaskFormOptions } from '@/lib/tasks/page-data';

type Params = { params: Promise<{ spaceId: string; meetingId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meetings'))('editMeeting') };
}

export default async function EditMeetingPage({ params }: Params) {
  const { spaceId, meetingId } = await params;
  const [{ space, view, departments: spaceDepartments }, t] = await Promise.all([getMeetingPageData(spaceId, meetingId), getTranslations('meetings')]);
  if (!view.rights.edit || view.meeting.status === 'cancelled') return <EmptyState title={t('readOnly')} />;
  const { members, departments } = await getTaskFormOptions(spaceId);
  const { meeting } = view;
  // The meeting's own zone: the times read as the organiser set them.
  return (
    <section aria-labelledby="edit-meeting-title" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id="edit-meeting-title" className="mb-4 text-lg font-semibold text-slate-900">{t('editMeeting')}</h2>
      <MeetingForm
        action={editMeetingAction}
        spaceId={space.id}
        meetingId={meeting.id}
        members={members}
        departments={departments.filter((d) => spaceDepartments.some((s) => s.id === d.id) || view.departments.some((v) => v.id === d.id))}
        submitLabel={t('save')}
        defaults={{
          topic: meeting.topic, startsAt: utcToZonedTime(meeting.startsAt, meeting.timeZone), endsAt: utcToZonedTime(endOf(meeting), meeting.timeZone),
          timeZone: meeting.timeZone, place: meeting.place ?? '', onlineUrl: meeting.onlineUrl ?? '', recurrence: meeting.recurrence,
          departmentIds: view.departments.map((d) => d.id), attendeeIds: view.attendees.map((a) => a.id),
          agenda: view.agenda.map((a) => ({ id: a.id, title: a.title, ownerId: a.ownerId ?? '', minutes: a.minutes })),
        }}
      />
    </section>
  );
}
