import { and, asc, desc, eq, exists, gte, ilike, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { alias } from 'drizzle-orm/pg-core';
import {
  departments, meetingActionItems, meetingAgendaItems, meetingAttendees, meetingDepartments, meetingNotes, meetings, tasks, users, type Meeting,
} from '@/db/schema';
import { actorId, type Actor } from '@/lib/auth/actor';
import { NotFound } from '@/lib/errors';
import { containsPattern } from '@/lib/like-pattern';
import { authorizeSpace } from '@/lib/spaces/access';
import { helpersOf } from '@/lib/tasks/queries';
import { isUuid, parseInput } from '@/lib/validation';
import { meetingRights, type MeetingRight } from './access';
import { MEETINGS_PAGE_SIZE } from './rules';
import { meetingListSchema, type MeetingListInput } from './schema';

/** When a meeting ends (it has a start and a length). */
export const endOf = (meeting: Pick<Meeting, 'startsAt' | 'durationMinutes'>) => new Date(meeting.startsAt.getTime() + meeting.durationMinutes * 60_000);

export interface ActionItemView {
  id: string;
  title: string;
  ownerId: string;
  ownerName: string;
  helpers: { id: string; name: string }[];
  dueDate: string;
  priority: 'high' | 'medium' | 'low';
  /** The task it became; its fields are the task's. */
  task: { id: string; number: number; status: 'todo' | 'in_progress' | 'done' | 'blocked' } | null;
}

export interface MeetingView {
  meeting: Meeting & { organizerName: string | null };
  departments: { id: string; name: string }[];
  attendees: { id: string; name: string; email: string; departmentName: string | null; absent: boolean }[];
  agenda: { id: string; title: string; ownerId: string | null; ownerName: string | null; minutes: number; startedAt: Date | null; endedAt: Date | null }[];
  notes: { id: string; body: string; isDecision: boolean; authorId: string | null; authorName: string | null; createdAt: Date }[];
  actionItems: ActionItemView[];
  rights: Record<MeetingRight, boolean>;
}

async function readActionItems(meetingId: string): Promise<ActionItemView[]> {
  const db = await getDb();
  const owner = alias(users, 'owner');
  const assignee = alias(users, 'assignee');
  const rows = await db
    .select({ item: meetingActionItems, ownerName: owner.name, task: tasks, assigneeName: assignee.name })
    .from(meetingActionItems)
    .innerJoin(owner, eq(owner.id, meetingActionItems.ownerId))
    .leftJoin(tasks, eq(tasks.id, meetingActionItems.taskId))
    .leftJoin(assignee, eq(assignee.id, tasks.assigneeId))
    .where(eq(meetingActionItems.meetingId, meetingId))
    .orderBy(asc(meetingActionItems.position));
  const helperIds = [...new Set(rows.flatMap((r) => (r.task ? [] : r.item.helperIds)))];
  const [taskHelpers, helperNames] = await Promise.all([
    helpersOf(rows.flatMap((r) => (r.task ? [r.task.id] : []))),
    helperIds.length ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, helperIds)) : Promise.resolve([]),
  ]);
  const nameOf = new Map(helperNames.map((u) => [u.id, u.name]));
  return rows.map(({ item, ownerName, task, assigneeName }) => task
    ? {
      id: item.id, title: task.name, ownerId: task.assigneeId, ownerName: assigneeName ?? '', helpers: taskHelpers.get(task.id) ?? [],
      dueDate: task.dueDate, priority: task.priority, task: { id: task.id, number: task.number, status: task.status },
    }
    : {
      id: item.id, title: item.title, ownerId: item.ownerId, ownerName,
      helpers: item.helperIds.flatMap((id) => (nameOf.has(id) ? [{ id, name: nameOf.get(id)! }] : [])),
      dueDate: item.dueDate, priority: item.priority, task: null,
    });
}

/** A meeting with everything its page, the minutes table and the API show, and what the actor may do. */
export async function getMeeting(actor: Actor, meetingId: string): Promise<MeetingView> {
  if (!isUuid(meetingId)) throw NotFound();
  const db = await getDb();
  const [found] = await db.select({ spaceId: meetings.spaceId }).from(meetings).where(eq(meetings.id, meetingId));
  if (!found) throw NotFound();
  const access = await authorizeSpace(db, actor, found.spaceId, 'space.view');
  const organizer = alias(users, 'organizer');
  const [row] = await db.select({ meeting: meetings, organizerName: organizer.name }).from(meetings)
    .leftJoin(organizer, eq(organizer.id, meetings.organizerId))
    .where(and(eq(meetings.id, meetingId), eq(meetings.spaceId, found.spaceId)));
  if (!row) throw NotFound();
  const [depts, attendees, agenda, notes, actionItems] = await Promise.all([
    db.select({ id: departments.id, name: departments.name }).from(meetingDepartments)
      .innerJoin(departments, eq(departments.id, meetingDepartments.departmentId))
      .where(eq(meetingDepartments.meetingId, meetingId)).orderBy(asc(departments.sortOrder), asc(departments.name)),
    db.select({ id: users.id, name: users.name, email: users.email, departmentName: departments.name, absent: meetingAttendees.absent }).from(meetingAttendees)
      .innerJoin(users, eq(users.id, meetingAttendees.userId))
      .leftJoin(departments, eq(departments.id, users.departmentId))
      .where(eq(meetingAttendees.meetingId, meetingId)).orderBy(asc(users.name)),
    db.select({
      id: meetingAgendaItems.id, title: meetingAgendaItems.title, ownerId: meetingAgendaItems.ownerId, ownerName: users.name,
      minutes: meetingAgendaItems.minutes, startedAt: meetingAgendaItems.startedAt, endedAt: meetingAgendaItems.endedAt,
    }).from(meetingAgendaItems).leftJoin(users, eq(users.id, meetingAgendaItems.ownerId))
      .where(eq(meetingAgendaItems.meetingId, meetingId)).orderBy(asc(meetingAgendaItems.position)),
    db.select({
      id: meetingNotes.id, body: meetingNotes.body, isDecision: meetingNotes.isDecision, authorId: meetingNotes.authorId,
      authorName: users.name, createdAt: meetingNotes.createdAt,
    }).from(meetingNotes).leftJoin(users, eq(users.id, meetingNotes.authorId))
      .where(eq(meetingNotes.meetingId, meetingId)).orderBy(asc(meetingNotes.createdAt), asc(meetingNotes.id)),
    readActionItems(meetingId),
  ]);
  const me = actorId(actor);
  return {
    meeting: { ...row.meeting, organizerName: row.organizerName },
    departments: depts, attendees, agenda, notes, actionItems,
    rights: meetingRights(actor, access, row.meeting, attendees.some((a) => a.id === me)),
  };
}

export interface MeetingListRow {
  id: string;
  topic: string;
  startsAt: Date;
  durationMinutes: number;
  timeZone: string;
  place: string | null;
  onlineUrl: string | null;
  status: Meeting['status'];
  organizerName: string | null;
  attendeeCount: number;
}

/**
 * The space's meetings, filtered by topic (any part of it) and attendee: upcoming ones soonest
 * first, past ones (and "all") latest first; one page at a time.
 */
export async function listMeetings(actor: Actor, spaceId: string, input: MeetingListInput = {}, now = new Date()) {
  const filters = parseInput(meetingListSchema, input);
  const db = await getDb();
  const { space } = await authorizeSpace(db, actor, spaceId, 'space.view');
  const conditions: SQL[] = [eq(meetings.spaceId, space.id)];
  if (filters.q) conditions.push(ilike(meetings.topic, containsPattern(filters.q)));
  if (filters.attendeeId) {
    conditions.push(exists(db.select({ one: sql`1` }).from(meetingAttendees)
      .where(and(eq(meetingAttendees.meetingId, meetings.id), eq(meetingAttendees.userId, filters.attendeeId)))));
  }
  const ends = sql`${meetings.startsAt} + make_interval(mins => ${meetings.durationMinutes})`;
  if (filters.when === 'upcoming') conditions.push(gte(ends, now));
  if (filters.when === 'past') conditions.push(lt(ends, now));
  const attendeeCount = db.$count(meetingAttendees, eq(meetingAttendees.meetingId, meetings.id));
  const rows = await db.select({
    id: meetings.id, topic: meetings.topic, startsAt: meetings.startsAt, durationMinutes: meetings.durationMinutes, timeZone: meetings.timeZone,
    place: meetings.place, onlineUrl: meetings.onlineUrl, status: meetings.status, organizerName: users.name, attendeeCount,
  }).from(meetings).leftJoin(users, eq(users.id, meetings.organizerId))
    .where(and(...conditions))
    .orderBy(filters.when === 'upcoming' ? asc(meetings.startsAt) : desc(meetings.startsAt), asc(meetings.id))
    .limit(MEETINGS_PAGE_SIZE + 1)
    .offset((filters.page - 1) * MEETINGS_PAGE_SIZE);
  return { rows: rows.slice(0, MEETINGS_PAGE_SIZE) as MeetingListRow[], hasMore: rows.length > MEETINGS_PAGE_SIZE, filters };
}

/** The meeting an action item's task came from (shown on the task page). */
export async function meetingOfTask(taskId: string): Promise<{ id: string; topic: string } | null> {
  if (!isUuid(taskId)) return null;
  const db = await getDb();
  const [row] = await db.select({ id: meetings.id, topic: meetings.topic }).from(meetingActionItems)
    .innerJoin(meetings, eq(meetings.id, meetingActionItems.meetingId))
    .where(eq(meetingActionItems.taskId, taskId));
  return row ?? null;
}
