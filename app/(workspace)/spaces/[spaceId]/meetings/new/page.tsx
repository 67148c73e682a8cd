import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { MeetingForm } from '@/components/meetings/meeting-form';
import { EmptyState } from '@/components/ui/empty-state';
import { nextFullHour, utcToZonedTime } from '@/lib/dates';
import { createMeetingAction } from '@/lib/meetings/actions';
import { timeZoneOf } from '@/lib/org/time-zone';
import { getSpacePageData } from '@/lib/spaces/page-data';
import { getTaskFormOptions } from '@/lib/tasks/page-data';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meetings'))('newMeeting') };
}

const HOUR = 3_600_000;

export default async function NewMeetingPage({ params }: { params: Promise<{ spaceId: string }> }) {
  const { spaceId } = await params;
  const [{ space, user, allowed, departments: spaceDepartments }, t] = await Promise.all([getSpacePageData(spaceId), getTranslations('meetings')]);
  if (!allowed.has('meeting.schedule')) return <EmptyState title={t('readOnly')} />;
  const { members, departments } = await getTaskFormOptions(spaceId);
  const timeZone = timeZoneOf(user);
  // The next full hour, for an hour.
  const start = nextFullHour();
  return (
    <section aria-labelledby="new-meeting-title" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id="new-meeting-title" className="mb-4 text-lg font-semibold text-slate-900">{t('newMeeting')}</h2>
      <MeetingForm
        action={createMeetingAction}
        spaceId={space.id}
        members={members}
        departments={departments.filter((d) => spaceDepartments.some((s) => s.id === d.id))}
        submitLabel={t('schedule')}
        defaults={{
          topic: '', startsAt: utcToZonedTime(start, timeZone), endsAt: utcToZonedTime(new Date(start.getTime() + HOUR), timeZone), timeZone,
          place: '', onlineUrl: '', recurrence: 'none', departmentIds: [], attendeeIds: [], agenda: [],
        }}
      />
    </section>
  );
}
