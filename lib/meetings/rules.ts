// Client-safe facts about meetings, shared by the database schema, validation, forms and views.
import { TASK_HELPERS_MAX } from '@/lib/tasks/rules';

/** A meeting is scheduled until it is cancelled; a cancelled one keeps its minutes for the record. */
export const MEETING_STATUSES = ['scheduled', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** Weekly stand-ups and the like: the invitation repeats; the minutes are kept per meeting. */
export const MEETING_RECURRENCES = ['none', 'daily', 'weekly', 'biweekly', 'monthly'] as const;
export type MeetingRecurrence = (typeof MEETING_RECURRENCES)[number];

export const MEETING_TOPIC_MAX = 200;
export const MEETING_PLACE_MAX = 200;
export const MEETING_URL_MAX = 2000;
export const MEETING_DURATION_MIN = 5;
export const MEETING_DURATION_MAX = 24 * 60;
export const MEETING_ATTENDEES_MAX = 200;
export const MEETING_AGENDA_MAX = 50;
export const AGENDA_TITLE_MAX = 200;
export const AGENDA_MINUTES_MAX = 8 * 60;
/** A live note is a remark, not a document: longer text belongs in the minutes. */
export const MEETING_NOTE_MAX = 2000;
export const ACTION_ITEM_TITLE_MAX = 200;
/** An action item becomes a task, so it takes as many helpers as a task does. */
export const ACTION_ITEM_HELPERS_MAX = TASK_HELPERS_MAX;
export const MEETING_NEXT_MAX = 500;
/** Meetings listed per page. */
export const MEETINGS_PAGE_SIZE = 20;
