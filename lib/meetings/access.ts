import { and, eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { meetingAttendees, meetings, type Meeting } from '@/db/schema';
import { actorId, type Actor } from '@/lib/auth/actor';
import { canInSpace, type SpaceAction } from '@/lib/auth/permissions';
import { Forbidden, NotFound } from '@/lib/errors';
import { authorizeSpace, type LoadedSpaceAccess } from '@/lib/spaces/access';
import { isUuid } from '@/lib/validation';

/**
 * What someone does to a meeting. `edit` (time, place, agenda, cancel): its organiser or a lead.
 * `record` (minutes, action items, the agenda timer): also its attendees who contribute to the
 * space. `note`: every member who may add notes. `view`: whoever sees the space.
 */
export type MeetingRight = 'view' | 'note' | 'record' | 'edit';

const spaceActionFor: Record<MeetingRight, SpaceAction> = {
  view: 'space.view',
  note: 'meeting.addNotes',
  record: 'meeting.schedule',
  edit: 'meeting.schedule',
};

async function isAttendee(tx: Transaction, meetingId: string, userId: string | null): Promise<boolean> {
  if (!userId) return false;
  const [row] = await tx.select({ userId: meetingAttendees.userId }).from(meetingAttendees)
    .where(and(eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.userId, userId)));
  return Boolean(row);
}

/** What the actor may do with a meeting, from their standing in its space and whether they attend it. */
export function meetingRights(actor: Actor, access: LoadedSpaceAccess, meeting: Pick<Meeting, 'organizerId'>, attends: boolean): Record<MeetingRight, boolean> {
  const may = (action: SpaceAction) => canInSpace(actor, access, action);
  const leads = may('meeting.run') || (meeting.organizerId !== null && meeting.organizerId === actorId(actor));
  return {
    view: may('space.view'),
    note: may('meeting.addNotes'),
    record: may('meeting.schedule') && (leads || attends),
    edit: may('meeting.schedule') && leads,
  };
}

/** Whether the actor, already allowed the right's space action, stands close enough to this meeting. */
export async function holdsMeetingRight(tx: Transaction, actor: Actor, access: LoadedSpaceAccess, meeting: Meeting, right: MeetingRight): Promise<boolean> {
  if (right === 'view' || right === 'note') return true;
  return meetingRights(actor, access, meeting, await isAttendee(tx, meeting.id, actorId(actor)))[right];
}

/**
 * A meeting and its space, with the actor's right checked; the space row is locked until commit
 * when asked (writes). Outsiders get 404; an archived space refuses every write (read-only minutes).
 */
export async function authorizeMeeting(
  tx: Transaction,
  actor: Actor,
  meetingId: string,
  right: MeetingRight,
): Promise<{ meeting: Meeting; access: LoadedSpaceAccess }> {
  if (!isUuid(meetingId)) throw NotFound();
  const [found] = await tx.select({ spaceId: meetings.spaceId }).from(meetings).where(eq(meetings.id, meetingId));
  if (!found) throw NotFound();
  const access = await authorizeSpace(tx, actor, found.spaceId, spaceActionFor[right], { lock: right !== 'view' });
  const [meeting] = await tx.select().from(meetings).where(and(eq(meetings.id, meetingId), eq(meetings.spaceId, found.spaceId)));
  if (!meeting) throw NotFound();
  if (!(await holdsMeetingRight(tx, actor, access, meeting, right))) throw Forbidden(right === 'edit' ? 'meetingNotOrganizer' : 'meetingNotAttendee');
  return { meeting, access };
}
