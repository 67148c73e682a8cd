import { z } from 'zod';
import { isTimeZone } from '@/lib/org/schema';
import { richTextSchema } from '@/lib/rich-text/document';
import { taskPrioritySchema } from '@/lib/tasks/schema';
import { blankToUndefined, formBoolean, idListSchema, isUuid, isoDateSchema, jsonList } from '@/lib/validation';
import {
  ACTION_ITEM_HELPERS_MAX, ACTION_ITEM_TITLE_MAX, AGENDA_MINUTES_MAX, AGENDA_TITLE_MAX, MEETING_AGENDA_MAX, MEETING_ATTENDEES_MAX, MEETING_NEXT_MAX, MEETING_NOTE_MAX, MEETING_PLACE_MAX, MEETING_RECURRENCES, MEETING_TOPIC_MAX, MEETING_URL_MAX,
} from './rules';

// Messages are keys of the `validation` catalogue. The same schemas parse form data and API JSON,
// and document the API (lib/api/openapi-meetings.ts).

const singleLine = (max: number) => z.string('required').trim().min(1, 'required').max(max, 'tooLong').refine((v) => !/[\r\n]/.test(v), 'singleLine');
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max, 'tooLong').nullable().optional());
const optionalId = (unknownKey: string) => z.preprocess(blankToUndefined, z.uuid(unknownKey).nullable().optional());

/** A wall-clock time as a datetime-local input sends it, read in `timeZone`. */
const localDateTime = z.string('required').regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'dateTimeInvalid');

const onlineUrl = z.preprocess(
  blankToUndefined,
  z.string().trim().max(MEETING_URL_MAX, 'tooLong').refine((v) => /^https?:\/\/\S+$/i.test(v), 'urlInvalid').nullable().optional(),
);

export const agendaItemSchema = z.object({
  /** An item already on the agenda keeps its id (and its timer) when the agenda is saved again. */
  id: z.preprocess(blankToUndefined, z.uuid('invalid').optional()),
  title: singleLine(AGENDA_TITLE_MAX),
  ownerId: optionalId('userUnknown'),
  minutes: z.coerce.number('minutesInvalid').int('minutesInvalid').min(1, 'minutesInvalid').max(AGENDA_MINUTES_MAX, 'minutesInvalid'),
});
export type AgendaItemInput = z.input<typeof agendaItemSchema>;
export type AgendaItemData = z.output<typeof agendaItemSchema>;

const meetingFields = {
  topic: singleLine(MEETING_TOPIC_MAX),
  /** Local start, e.g. 2026-12-03T10:00, in `timeZone` (the organiser's zone by default). */
  startsAt: localDateTime,
  /** The end, same form; the form sends an end time, the API may send a duration instead. */
  endsAt: z.preprocess(blankToUndefined, localDateTime.optional()),
  durationMinutes: z.preprocess(blankToUndefined, z.coerce.number('durationInvalid').int('durationInvalid').optional()),
  timeZone: z.preprocess(blankToUndefined, z.string().refine(isTimeZone, 'timeZoneInvalid').optional()),
  place: optionalText(MEETING_PLACE_MAX),
  onlineUrl,
  recurrence: z.preprocess(blankToUndefined, z.enum(MEETING_RECURRENCES, 'invalid').default('none')),
  departmentIds: idListSchema('departmentUnknown', 100),
  attendeeIds: idListSchema('userUnknown', MEETING_ATTENDEES_MAX + 1).refine((ids) => ids.length <= MEETING_ATTENDEES_MAX, 'tooMany'),
  agenda: z.preprocess(jsonList, z.array(agendaItemSchema, 'invalid').max(MEETING_AGENDA_MAX, 'tooMany')).default([]),
};

export const createMeetingSchema = z.object(meetingFields);
export type CreateMeetingInput = Partial<z.input<typeof createMeetingSchema>>;
export type CreateMeetingData = z.output<typeof createMeetingSchema>;

/** Changes what is sent; the agenda, when sent, replaces the whole list (timers of kept items stay). */
export const updateMeetingSchema = z.object(meetingFields).partial();
export type UpdateMeetingInput = Partial<z.input<typeof updateMeetingSchema>>;

export const minutesSchema = z.object({
  minutes: richTextSchema,
  nextMeeting: optionalText(MEETING_NEXT_MAX),
  /** 缺席: attendees who did not come. */
  absentIds: idListSchema('userUnknown', MEETING_ATTENDEES_MAX).optional(),
});
export type MinutesInput = Partial<z.input<typeof minutesSchema>>;

export const meetingNoteSchema = z.object({
  body: z.string('required').trim().min(1, 'required').max(MEETING_NOTE_MAX, 'tooLong'),
  isDecision: formBoolean.optional().default(false),
});
export type MeetingNoteInput = Partial<z.input<typeof meetingNoteSchema>>;

/** Exactly one owner; a missing one is named as such (an absent key would skip an optional schema). */
const ownerField = z.unknown().transform((value, ctx) => {
  const message = value === undefined || value === null || value === '' ? 'ownerRequired' : isUuid(value) ? null : 'userUnknown';
  if (message) {
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  }
  return value as string;
});

export const actionItemSchema = z.object({
  title: singleLine(ACTION_ITEM_TITLE_MAX),
  ownerId: ownerField,
  helperIds: idListSchema('userUnknown', ACTION_ITEM_HELPERS_MAX),
  dueDate: isoDateSchema,
  priority: z.preprocess(blankToUndefined, taskPrioritySchema.default('medium')),
});
export type ActionItemInput = Partial<z.input<typeof actionItemSchema>>;

export const updateActionItemSchema = actionItemSchema.extend({ ownerId: ownerField.optional() }).partial();
export type UpdateActionItemInput = Partial<z.input<typeof updateActionItemSchema>>;

export const meetingListSchema = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(100, 'tooLong').optional()),
  attendeeId: optionalId('userUnknown'),
  when: z.preprocess(blankToUndefined, z.enum(['upcoming', 'past', 'all'], 'invalid').default('all')),
  page: z.coerce.number().int().min(1).catch(1).default(1),
});
export type MeetingListInput = Partial<z.input<typeof meetingListSchema>>;
