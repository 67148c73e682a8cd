import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns';
import { departments, users } from './org';
import { spaces } from './spaces';
import { tasks } from './tasks';

// Relative, not '@/': drizzle-kit loads this file without the app's path aliases.
import { MEETING_RECURRENCES, MEETING_STATUSES } from '../../lib/meetings/rules';
import { TASK_PRIORITIES } from '../../lib/tasks/rules';

export { MEETING_RECURRENCES, MEETING_STATUSES, type MeetingRecurrence, type MeetingStatus } from '../../lib/meetings/rules';

/** A meeting of a space (会议): when and where, who, the agenda, and the minutes once held. */
export const meetings = pgTable(
  'meetings',
  {
    id: id(),
    spaceId: uuid().notNull().references(() => spaces.id, { onDelete: 'cascade' }),
    topic: text().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    durationMinutes: integer().notNull(),
    /** The organiser's zone when scheduled: the calendar invitation and the minutes use it. */
    timeZone: text().notNull(),
    place: text(),
    onlineUrl: text(),
    recurrence: text({ enum: MEETING_RECURRENCES }).notNull().default('none'),
    status: text({ enum: MEETING_STATUSES }).notNull().default('scheduled'),
    /** The invitation's SEQUENCE: each change the attendees' calendars must take raises it. */
    sequence: integer().notNull().default(0),
    /** 会议纪要 as TipTap JSON, sanitised when saved. */
    minutes: jsonb(),
    minutesUpdatedAt: timestamp({ withTimezone: true }),
    minutesUpdatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** 下次会议: free text (a date, a place, what to prepare). */
    nextMeeting: text(),
    organizerId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('meetings_space_id_starts_at_idx').on(t.spaceId, t.startsAt)],
);

export const meetingDepartments = pgTable(
  'meeting_departments',
  {
    meetingId: uuid().notNull().references(() => meetings.id, { onDelete: 'cascade' }),
    departmentId: uuid().notNull().references(() => departments.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.departmentId] })],
);

/** Who is invited; `absent` is set on the minutes (缺席人员). */
export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    meetingId: uuid().notNull().references(() => meetings.id, { onDelete: 'cascade' }),
    userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
    absent: boolean().notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] }), index('meeting_attendees_user_id_idx').on(t.userId)],
);

/** An agenda item (议程): in order, with an owner and a time box; the timer runs from `startedAt`. */
export const meetingAgendaItems = pgTable(
  'meeting_agenda_items',
  {
    id: id(),
    spaceId: uuid().notNull().references(() => spaces.id, { onDelete: 'cascade' }),
    meetingId: uuid().notNull().references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    title: text().notNull(),
    ownerId: uuid().references(() => users.id, { onDelete: 'set null' }),
    minutes: integer().notNull(),
    startedAt: timestamp({ withTimezone: true }),
    endedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('meeting_agenda_items_meeting_id_idx').on(t.meetingId, t.position), index('meeting_agenda_items_space_id_idx').on(t.spaceId)],
);

/** A note an attendee adds during the meeting; one marked as a decision goes to the space's feed. */
export const meetingNotes = pgTable(
  'meeting_notes',
  {
    id: id(),
    spaceId: uuid().notNull().references(() => spaces.id, { onDelete: 'cascade' }),
    meetingId: uuid().notNull().references(() => meetings.id, { onDelete: 'cascade' }),
    authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    body: text().notNull(),
    isDecision: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('meeting_notes_meeting_id_created_at_idx').on(t.meetingId, t.createdAt), index('meeting_notes_space_id_idx').on(t.spaceId)],
);

/**
 * An action item (待办事项). Until it is synced it holds its own fields; once synced `taskId` names
 * the task it became, and the task is the truth: edits go to the task and reads show the task.
 */
export const meetingActionItems = pgTable(
  'meeting_action_items',
  {
    id: id(),
    spaceId: uuid().notNull().references(() => spaces.id, { onDelete: 'cascade' }),
    meetingId: uuid().notNull().references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    title: text().notNull(),
    ownerId: uuid().notNull().references(() => users.id),
    helperIds: uuid().array().notNull().default([]),
    dueDate: date({ mode: 'string' }).notNull(),
    priority: text({ enum: TASK_PRIORITIES }).notNull().default('medium'),
    taskId: uuid().references(() => tasks.id, { onDelete: 'set null' }),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('meeting_action_items_meeting_id_idx').on(t.meetingId, t.position),
    index('meeting_action_items_space_id_idx').on(t.spaceId),
    uniqueIndex('meeting_action_items_task_id_idx').on(t.taskId),
  ],
);

export type Meeting = typeof meetings.$inferSelect;
export type NewMeeting = typeof meetings.$inferInsert;
export type MeetingAgendaItem = typeof meetingAgendaItems.$inferSelect;
export type MeetingNote = typeof meetingNotes.$inferSelect;
export type MeetingActionItem = typeof meetingActionItems.$inferSelect;
