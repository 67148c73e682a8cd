import { userActor } from '@/lib/auth/actor';
import { apiRoute, localeFor } from '@/lib/http/api-route';
import { contentDisposition } from '@/lib/http/download';
import { translatorFor } from '@/lib/i18n/messages';
import { meetingInvitation } from '@/lib/meetings/ics';
import { getMeeting } from '@/lib/meetings/queries';

export const dynamic = 'force-dynamic';

/** The .ics invitation (or cancellation), the same UID every time: calendars update the event they have. */
export const GET = apiRoute<{ meetingId: string }>(async ({ request, user, params }) => {
  const view = await getMeeting(userActor(user), params.meetingId);
  const t = translatorFor(localeFor(request, user));
  const origin = new URL(request.url).origin;
  const body = meetingInvitation(view, { meetingUrl: `${origin}/spaces/${view.meeting.spaceId}/meetings/${view.meeting.id}`, agendaLabel: t('meetings.agenda') });
  return new Response(body, {
    headers: {
      'content-type': `text/calendar; charset=utf-8; method=${view.meeting.status === 'cancelled' ? 'CANCEL' : 'REQUEST'}`,
      'content-disposition': contentDisposition('attachment', `${view.meeting.topic}.ics`, 'meeting.ics'),
    },
  });
});
