import { and, eq, inArray } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { meetingAttendees, meetingDepartments, meetings, users, type Meeting } from '@/db/schema';
import { actorId, type Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { utcToZonedTime, zonedTimeToUtc } from '@/lib/dates';
import { env } from '@/lib/env';
import { Invalid } from '@/lib/errors';
import { assertDepartmentsInOrg } from '@/lib/org/guards';
import { authorizeSpace } from '@/lib/spaces/access';
import { assertSpaceMembers } from '@/lib/spaces/guards';
import { parseInput } from '@/lib/validation';
import { authorizeMeeting } from './access';
import { replaceAgenda } from './agenda';
import { announceMeetingChange } from './events';
import { attendeeIdsOf, notifyAttendees, type AttendeeChange } from './notify';
import { MEETING_DURATION_MAX, MEETING_DURATION_MIN } from './rules';
import {
  createMeetingSchema, minutesSchema, updateMeetingSchema,
  type CreateMeetingInput, type MinutesInput, type UpdateMeetingInput,
} from './schema';

const DEFAULT_DURATION = 60;

async function timeZoneOfActor(tx: Transaction, actor: Actor): Promise<string> {
  const id = actorId(actor);
  if (!id) return env.DEFAULT_TIME_ZONE;
  const [row] = await tx.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, id));
  return row?.timeZone || env.DEFAULT_TIME_ZONE;
}

interface Timing { startsAt: Date; durationMinutes: number; timeZone: string }

/**
 * When the meeting is, from a local start and either a local end or a duration. An end before the
 * start, or a meeting shorter than 5 minutes or longer than a day, is refused on the field sent.
 */
function resolveTiming(input: { startsAt?: string; endsAt?: string; durationMinutes?: number }, current: Timing): Timing {
  const { timeZone } = current;
  const startsAt = input.startsAt ? zonedTimeToUtc(input.startsAt, timeZone) : current.startsAt;
  let durationMinutes = current.durationMinutes;
  if (input.endsAt) {
    durationMinutes = Math.round((zonedTimeToUtc(input.endsAt, timeZone).getTime() - startsAt.getTime()) / 60_000);
    if (durationMinutes <= 0) throw Invalid({ endsAt: ['meetingEndBeforeStart'] });
  } else if (input.durationMinutes !== undefined) {
    durationMinutes = input.durationMinutes;
  }
  if (durationMinutes < MEETING_DURATION_MIN || durationMinutes > MEETING_DURATION_MAX) {
    throw Invalid({ [input.endsAt ? 'endsAt' : 'durationMinutes']: ['durationInvalid'] });
  }
  return { startsAt, durationMinutes, timeZone };
}

/** Replaces who attends; says who was added, who stays and who was taken off (each is told differently). */
async function setAttendees(tx: Transaction, meeting: Pick<Meeting, 'id' | 'spaceId'>, attendeeIds: readonly string[]): Promise<AttendeeChange> {
  await assertSpaceMembers(tx, meeting.spaceId, attendeeIds, 'attendeeIds', 'attendeeNotMember');
  const wanted = [...new Set(attendeeIds)];
  const current = await tx.select({ userId: meetingAttendees.userId }).from(meetingAttendees).where(eq(meetingAttendees.meetingId, meeting.id));
  const gone = current.map((r) => r.userId).filter((id) => !wanted.includes(id));
  if (gone.length) await tx.delete(meetingAttendees).where(and(eq(meetingAttendees.meetingId, meeting.id), inArray(meetingAttendees.userId, gone)));
  if (wanted.length) await tx.insert(meetingAttendees).values(wanted.map((userId) => ({ meetingId: meeting.id, userId }))).onConflictDoNothing();
  const had = new Set(current.map((r) => r.userId));
  return { added: wanted.filter((id) => !had.has(id)), kept: wanted.filter((id) => had.has(id)), removed: gone };
}

async function setDepartments(tx: Transaction, organizationId: string, meetingId: string, departmentIds: string[]) {
  const unique = [...new Set(departmentIds)];
  await assertDepartmentsInOrg(tx, organizationId, unique, 'departmentIds');
  await tx.delete(meetingDepartments).where(eq(meetingDepartments.meetingId, meetingId));
  if (unique.length) await tx.insert(meetingDepartments).values(unique.map((departmentId) => ({ meetingId, departmentId })));
}

const snapshot = (m: Meeting) => ({ topic: m.topic, startsAt: m.startsAt.toISOString(), durationMinutes: m.durationMinutes, status: m.status });

/**
 * Schedules a meeting in a space. Attendees must be members; the organiser always attends. Times
 * are read in the organiser's time zone unless another is given.
 */
export async function createMeeting(actor: Actor, spaceId: string, input: CreateMeetingInput): Promise<Meeting> {
  const data = parseInput(createMeetingSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { space } = await authorizeSpace(tx, actor, spaceId, 'meeting.schedule', { lock: true });
    const timeZone = data.timeZone ?? (await timeZoneOfActor(tx, actor));
    const timing = resolveTiming(data, { startsAt: zonedTimeToUtc(data.startsAt, timeZone), durationMinutes: data.durationMinutes ?? DEFAULT_DURATION, timeZone });
    const organizerId = actorId(actor);
    const [meeting] = await tx.insert(meetings).values({
      spaceId, topic: data.topic, ...timing, place: data.place ?? null, onlineUrl: data.onlineUrl ?? null,
      recurrence: data.recurrence, organizerId,
    }).returning();
    const attendees = await setAttendees(tx, meeting!, organizerId ? [organizerId, ...data.attendeeIds] : data.attendeeIds);
    await setDepartments(tx, space.organizationId, meeting!.id, data.departmentIds);
    await replaceAgenda(tx, meeting!, data.agenda);
    await recordAudit(tx, actor, { organizationId: space.organizationId, spaceId, action: 'meeting.create', targetType: 'meeting', targetId: meeting!.id, data: { after: snapshot(meeting!) } });
    await notifyAttendees(tx, actor, space, meeting!, 'meeting.invited', attendees.added);
    await announceMeetingChange(tx, actor, spaceId, meeting!.id);
    return meeting!;
  });
}

/**
 * Changes what is sent: details, attendees, departments, agenda (the whole list). Organiser or a
 * lead. A change the attendees' calendars must take raises the invitation's SEQUENCE.
 */
export async function updateMeeting(actor: Actor, meetingId: string, input: UpdateMeetingInput): Promise<Meeting> {
  const data = parseInput(updateMeetingSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { meeting, access } = await authorizeMeeting(tx, actor, meetingId, 'edit');
    if (meeting.status === 'cancelled') throw Invalid({}, 'meetingCancelled');
    const timeZone = data.timeZone ?? meeting.timeZone;
    // A new zone alone keeps the wall-clock time the organiser sees.
    const startsAt = data.startsAt ?? (data.timeZone ? utcToZonedTime(meeting.startsAt, meeting.timeZone) : undefined);
    const timing = resolveTiming({ ...data, startsAt }, { startsAt: meeting.startsAt, durationMinutes: meeting.durationMinutes, timeZone });
    const sent = (field: string) => field in (input as object);
    const details = {
      ...timing,
      topic: data.topic ?? meeting.topic,
      place: sent('place') ? (data.place ?? null) : meeting.place,
      onlineUrl: sent('onlineUrl') ? (data.onlineUrl ?? null) : meeting.onlineUrl,
      recurrence: sent('recurrence') ? data.recurrence! : meeting.recurrence,
    };
    const calendarChange = details.startsAt.getTime() !== meeting.startsAt.getTime()
      || (['durationMinutes', 'timeZone', 'topic', 'place', 'onlineUrl', 'recurrence'] as const).some((field) => details[field] !== meeting[field]);
    const [updated] = await tx.update(meetings).set({ ...details, sequence: calendarChange ? meeting.sequence + 1 : meeting.sequence })
      .where(and(eq(meetings.id, meeting.id), eq(meetings.spaceId, meeting.spaceId))).returning();
    const attendees = sent('attendeeIds')
      ? await setAttendees(tx, meeting, meeting.organizerId ? [meeting.organizerId, ...(data.attendeeIds ?? [])] : (data.attendeeIds ?? []))
      : { added: [], removed: [], kept: await attendeeIdsOf(tx, meeting.id) };
    if (sent('departmentIds')) await setDepartments(tx, access.space.organizationId, meeting.id, data.departmentIds ?? []);
    if (sent('agenda')) await replaceAgenda(tx, meeting, data.agenda ?? []);
    await recordAudit(tx, actor, {
      organizationId: access.space.organizationId, spaceId: meeting.spaceId, action: 'meeting.update', targetType: 'meeting', targetId: meeting.id,
      data: { before: snapshot(meeting), after: snapshot(updated!) },
    });
    await notifyAttendees(tx, actor, access.space, updated!, 'meeting.invited', attendees.added);
    await notifyAttendees(tx, actor, access.space, updated!, 'meeting.cancelled', attendees.removed);
    if (calendarChange) await notifyAttendees(tx, actor, access.space, updated!, 'meeting.updated', attendees.kept);
    await announceMeetingChange(tx, actor, meeting.spaceId, meeting.id);
    return updated!;
  });
}

/** Calls the meeting off: the attendees' calendars get a cancellation with the same UID. */
export async function cancelMeeting(actor: Actor, meetingId: string): Promise<Meeting> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { meeting, access } = await authorizeMeeting(tx, actor, meetingId, 'edit');
    if (meeting.status === 'cancelled') return meeting;
    const [updated] = await tx.update(meetings).set({ status: 'cancelled', sequence: meeting.sequence + 1 })
      .where(and(eq(meetings.id, meeting.id), eq(meetings.spaceId, meeting.spaceId))).returning();
    await recordAudit(tx, actor, { organizationId: access.space.organizationId, spaceId: meeting.spaceId, action: 'meeting.cancel', targetType: 'meeting', targetId: meeting.id });
    await notifyAttendees(tx, actor, access.space, updated!, 'meeting.cancelled', await attendeeIdsOf(tx, meeting.id));
    await announceMeetingChange(tx, actor, meeting.spaceId, meeting.id);
    return updated!;
  });
}

/** Saves the minutes (sanitised rich text), the next meeting and who was absent (attendees only). */
export async function saveMinutes(actor: Actor, meetingId: string, input: MinutesInput): Promise<Meeting> {
  const data = parseInput(minutesSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { meeting, access } = await authorizeMeeting(tx, actor, meetingId, 'record');
    const [updated] = await tx.update(meetings).set({
      minutes: data.minutes, minutesUpdatedAt: new Date(), minutesUpdatedBy: actorId(actor),
      ...(data.nextMeeting !== undefined ? { nextMeeting: data.nextMeeting } : {}),
    }).where(and(eq(meetings.id, meeting.id), eq(meetings.spaceId, meeting.spaceId))).returning();
    if (data.absentIds) {
      const attendees = await tx.select({ userId: meetingAttendees.userId }).from(meetingAttendees).where(eq(meetingAttendees.meetingId, meeting.id));
      const invited = new Set(attendees.map((a) => a.userId));
      if (data.absentIds.some((id) => !invited.has(id))) throw Invalid({ absentIds: ['absentNotAttendee'] });
      await tx.update(meetingAttendees).set({ absent: false }).where(eq(meetingAttendees.meetingId, meeting.id));
      if (data.absentIds.length) {
        await tx.update(meetingAttendees).set({ absent: true }).where(and(eq(meetingAttendees.meetingId, meeting.id), inArray(meetingAttendees.userId, data.absentIds)));
      }
    }
    await recordAudit(tx, actor, { organizationId: access.space.organizationId, spaceId: meeting.spaceId, action: 'meeting.minutes', targetType: 'meeting', targetId: meeting.id });
    await announceMeetingChange(tx, actor, meeting.spaceId, meeting.id);
    return updated!;
  });
}
