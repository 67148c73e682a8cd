import { systemActor } from '@/lib/auth/actor';
import { appBaseUrl } from '@/lib/app-url';
import { localeOrDefault } from '@/lib/i18n/config';
import { translatorFor } from '@/lib/i18n/messages';
import { meetingInvitation } from './ics';
import { getMeeting } from './queries';

/**
 * The .ics an invitation email carries: the meeting as it is when the email goes out, or — for
 * someone taken off the list — its cancellation. The same UID as the download on the meeting page.
 */
export async function meetingCalendar({ meetingId, cancel, locale }: { meetingId: string; cancel: boolean; locale?: string | null }): Promise<{ method: 'REQUEST' | 'CANCEL'; content: string; filename: string }> {
  const view = await getMeeting(systemActor, meetingId);
  const meeting = cancel ? { ...view.meeting, status: 'cancelled' as const } : view.meeting;
  const content = meetingInvitation({ ...view, meeting }, {
    meetingUrl: `${appBaseUrl()}/spaces/${meeting.spaceId}/meetings/${meeting.id}`,
    agendaLabel: translatorFor(localeOrDefault(locale))('meetings.agenda'),
  });
  return { method: meeting.status === 'cancelled' ? 'CANCEL' : 'REQUEST', content, filename: 'invite.ics' };
}
