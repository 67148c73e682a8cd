import { createEvent, type EventAttributes } from 'ics';
import type { MeetingRecurrence } from './rules';
import type { MeetingView } from './queries';

/** The invitation's UID: the same for the first invitation, every update and the cancellation. */
export const meetingUid = (meetingId: string) => `${meetingId}@xiezuo`;

const RRULES: Record<MeetingRecurrence, string | undefined> = {
  none: undefined,
  daily: 'FREQ=DAILY',
  weekly: 'FREQ=WEEKLY',
  biweekly: 'FREQ=WEEKLY;INTERVAL=2',
  monthly: 'FREQ=MONTHLY',
};

export interface InvitationOptions {
  /** Where the meeting page is, for the description and URL. */
  meetingUrl: string;
  /** The agenda heading in the reader's language. */
  agendaLabel: string;
}

/**
 * The meeting as an iCalendar invitation (RFC 5545, METHOD:REQUEST), or its cancellation
 * (METHOD:CANCEL) once called off. UID stays, SEQUENCE rises with each change, so calendars
 * replace the event they hold instead of adding a second one.
 */
export function meetingInvitation({ meeting, attendees, agenda }: Pick<MeetingView, 'meeting' | 'attendees' | 'agenda'>, options: InvitationOptions): string {
  const cancelled = meeting.status === 'cancelled';
  const organizer = attendees.find((a) => a.id === meeting.organizerId);
  const agendaText = agenda.map((item, i) => `${i + 1}. ${item.title}（${item.minutes}′${item.ownerName ? ` · ${item.ownerName}` : ''}）`).join('\n');
  const description = [agendaText && `${options.agendaLabel}\n${agendaText}`, meeting.onlineUrl, options.meetingUrl].filter(Boolean).join('\n\n');
  const event: EventAttributes = {
    uid: meetingUid(meeting.id),
    sequence: meeting.sequence,
    method: cancelled ? 'CANCEL' : 'REQUEST',
    productId: 'xiezuo/meetings',
    start: meeting.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: meeting.durationMinutes },
    title: meeting.topic,
    description,
    location: meeting.place ?? meeting.onlineUrl ?? undefined,
    url: options.meetingUrl,
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
    organizer: organizer ? { name: organizer.name, email: organizer.email } : undefined,
    attendees: attendees.map((a) => ({
      name: a.name, email: a.email, rsvp: !cancelled, partstat: 'NEEDS-ACTION', role: a.id === meeting.organizerId ? 'CHAIR' : 'REQ-PARTICIPANT',
    })),
    recurrenceRule: RRULES[meeting.recurrence],
    lastModified: meeting.updatedAt.getTime(),
  };
  const { error, value } = createEvent(event);
  if (error || !value) throw error ?? new Error('ics');
  return value;
}
