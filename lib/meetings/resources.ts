import type { MeetingListRow, MeetingView } from './queries';
import { endOf } from './queries';

/** A meeting as the API returns it (times in UTC ISO; `timeZone` is the organiser's). */
export function toMeetingResource(view: MeetingView) {
  const { meeting } = view;
  return {
    id: meeting.id,
    spaceId: meeting.spaceId,
    topic: meeting.topic,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: endOf(meeting).toISOString(),
    durationMinutes: meeting.durationMinutes,
    timeZone: meeting.timeZone,
    place: meeting.place,
    onlineUrl: meeting.onlineUrl,
    recurrence: meeting.recurrence,
    status: meeting.status,
    sequence: meeting.sequence,
    organizer: meeting.organizerId ? { id: meeting.organizerId, name: meeting.organizerName } : null,
    departments: view.departments,
    attendees: view.attendees.map(({ id, name, departmentName, absent }) => ({ id, name, departmentName, absent })),
    agenda: view.agenda,
    minutes: meeting.minutes,
    nextMeeting: meeting.nextMeeting,
    notes: view.notes,
    actionItems: view.actionItems,
    rights: view.rights,
  };
}

export function toMeetingListItem(row: MeetingListRow) {
  return { ...row, startsAt: row.startsAt.toISOString(), endsAt: endOf(row).toISOString() };
}
