import { z } from 'zod';
import { actionItemSchema, createMeetingSchema, meetingListSchema, meetingNoteSchema, minutesSchema, updateActionItemSchema, updateMeetingSchema } from '@/lib/meetings/schema';
import { MEETING_RECURRENCES, MEETING_STATUSES } from '@/lib/meetings/rules';
import { body, common, componentRef, json, listQueryParameters, pathParam, problem, writes } from './openapi-parts';

// Meetings, their notes and action items in the OpenAPI document.

export const meetingsRequests = {
  CreateMeeting: createMeetingSchema,
  UpdateMeeting: updateMeetingSchema,
  SaveMinutes: minutesSchema,
  AddMeetingNote: meetingNoteSchema,
  MarkDecision: z.object({ isDecision: z.boolean() }),
  AddActionItem: actionItemSchema,
  UpdateActionItem: updateActionItemSchema,
  RunAgendaItem: z.object({ itemId: z.uuid(), command: z.enum(['start', 'stop']) }),
};

const person = z.object({ id: z.uuid(), name: z.string() });
const meetingCore = {
  id: z.uuid(), topic: z.string(), startsAt: z.iso.datetime(), endsAt: z.iso.datetime(), durationMinutes: z.int(), timeZone: z.string(),
  place: z.string().nullable(), onlineUrl: z.string().nullable(), status: z.enum(MEETING_STATUSES),
};

export const meetingsResponses = {
  MeetingListItem: z.object({ ...meetingCore, organizerName: z.string().nullable(), attendeeCount: z.int() }),
  Meeting: z.object({
    ...meetingCore,
    spaceId: z.uuid(), recurrence: z.enum(MEETING_RECURRENCES), sequence: z.int().describe('The invitation’s SEQUENCE; the UID is `<id>@xiezuo`.'),
    organizer: person.nullable(),
    departments: z.array(person),
    attendees: z.array(person.extend({ departmentName: z.string().nullable(), absent: z.boolean() })),
    agenda: z.array(z.object({ id: z.uuid(), title: z.string(), ownerId: z.uuid().nullable(), ownerName: z.string().nullable(), minutes: z.int(), startedAt: z.iso.datetime().nullable(), endedAt: z.iso.datetime().nullable() })),
    minutes: z.unknown().describe('TipTap JSON'),
    nextMeeting: z.string().nullable(),
    notes: z.array(z.object({ id: z.uuid(), body: z.string(), isDecision: z.boolean(), authorId: z.uuid().nullable(), authorName: z.string().nullable(), createdAt: z.iso.datetime() })),
    actionItems: z.array(z.object({
      id: z.uuid(), title: z.string(), ownerId: z.uuid(), ownerName: z.string(), helpers: z.array(person), dueDate: z.iso.date(), priority: z.string(),
      task: z.object({ id: z.uuid(), number: z.int(), status: z.string() }).nullable().describe('The task it became; the item’s fields are then the task’s.'),
    })),
    rights: z.object({ view: z.boolean(), note: z.boolean(), record: z.boolean(), edit: z.boolean() }),
  }),
};

const spaceId = pathParam('spaceId', 'The space.');
const meetingId = pathParam('meetingId', 'A meeting of a space.');
const noteId = pathParam('noteId', 'A note of a meeting.');
const itemId = pathParam('itemId', 'An action item of a meeting.');
const meetingAnswer = (description: string) => ({ description, ...json({ type: 'object', properties: { meeting: componentRef('Meeting') }, required: ['meeting'] }) });
const done = { '204': { description: 'Done.' } };
const object = (description: string) => ({ description, ...json({ type: 'object' }) });

export function meetingsPaths() {
  return {
    '/spaces/{spaceId}/meetings': {
      parameters: [spaceId],
      get: {
        operationId: 'listMeetings', summary: 'The space’s meetings: `q` (part of the topic), `attendeeId`, `when` (upcoming soonest first; past and all latest first), `page`',
        parameters: listQueryParameters(meetingListSchema),
        responses: { '200': { description: 'A page of meetings.', ...json({ type: 'object', properties: { data: { type: 'array', items: componentRef('MeetingListItem') }, hasMore: { type: 'boolean' } } }) }, ...common },
      },
      post: {
        operationId: 'createMeeting', summary: 'Schedule a meeting: local `startsAt` and `endsAt` (or `durationMinutes`) read in `timeZone` (the caller’s by default); attendees must be members; the organiser attends',
        requestBody: body('CreateMeeting'),
        responses: { '201': meetingAnswer('The meeting.'), ...writes, '422': problem('Invalid input, e.g. `fields.endsAt` (end before start), `fields.attendeeIds` (not a member).') },
      },
    },
    '/meetings/{meetingId}': {
      parameters: [meetingId],
      get: { operationId: 'getMeeting', summary: 'A meeting with its agenda, notes, minutes and action items', responses: { '200': meetingAnswer('The meeting.'), ...common } },
      patch: { operationId: 'updateMeeting', summary: 'Change a meeting (organiser or a space lead); a calendar-visible change raises `sequence`', requestBody: body('UpdateMeeting'), responses: { '200': meetingAnswer('The meeting.'), ...writes } },
    },
    '/meetings/{meetingId}/cancel': {
      parameters: [meetingId],
      post: { operationId: 'cancelMeeting', summary: 'Call the meeting off; its invitation becomes a cancellation with the same UID', responses: { '200': meetingAnswer('The cancelled meeting.'), ...writes } },
    },
    '/meetings/{meetingId}/invitation': {
      parameters: [meetingId],
      get: {
        operationId: 'getMeetingInvitation', summary: 'The iCalendar invitation (METHOD:REQUEST) or cancellation (METHOD:CANCEL)',
        responses: { '200': { description: 'An .ics file.', content: { 'text/calendar': { schema: { type: 'string' } } } }, ...common },
      },
    },
    '/meetings/{meetingId}/minutes': {
      parameters: [meetingId],
      put: { operationId: 'saveMinutes', summary: 'Save the minutes (sanitised rich text), `nextMeeting` and `absentIds` (attendees only)', requestBody: body('SaveMinutes'), responses: { '200': meetingAnswer('The meeting.'), ...writes } },
    },
    '/meetings/{meetingId}/minutes-table': {
      parameters: [meetingId],
      get: {
        operationId: 'exportMinutesTable', summary: 'The 会议纪要表 as `format=xlsx` (default) or `format=docx`',
        parameters: [{ name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['xlsx', 'docx'] } }],
        responses: { '200': { description: 'The file.', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }, ...common, '422': problem('Unknown `format`.') },
      },
    },
    '/meetings/{meetingId}/notes': {
      parameters: [meetingId],
      post: { operationId: 'addMeetingNote', summary: 'Add a note; every open meeting page shows it (event `meeting.changed`); a decision is published to the space’s activity', requestBody: body('AddMeetingNote'), responses: { '201': object('The note.'), ...writes } },
    },
    '/meeting-notes/{noteId}': {
      parameters: [noteId],
      patch: { operationId: 'markMeetingDecision', summary: 'Mark a note as a decision or take the mark off (its author or whoever keeps the minutes)', requestBody: body('MarkDecision'), responses: { '200': object('The note.'), ...writes } },
      delete: { operationId: 'deleteMeetingNote', summary: 'Delete a note', responses: { ...done, ...writes } },
    },
    '/meetings/{meetingId}/agenda-timer': {
      parameters: [meetingId],
      post: { operationId: 'runAgendaItem', summary: 'Start (stopping the running one) or stop an agenda item’s timer', requestBody: body('RunAgendaItem'), responses: { ...done, ...writes } },
    },
    '/meetings/{meetingId}/action-items': {
      parameters: [meetingId],
      post: { operationId: 'addActionItem', summary: 'Add an action item: one owner (a member), helpers, due date, priority', requestBody: body('AddActionItem'), responses: { '201': object('The action item.'), ...writes } },
    },
    '/meetings/{meetingId}/action-items/sync': {
      parameters: [meetingId],
      post: { operationId: 'syncActionItems', summary: 'Make every action item not yet synced a task of the space, linked both ways; `created` counts them', responses: { '200': object('How many tasks were created.'), ...writes } },
    },
    '/action-items/{itemId}': {
      parameters: [itemId],
      patch: { operationId: 'updateActionItem', summary: 'Change an action item; once synced the change goes to its task', requestBody: body('UpdateActionItem'), responses: { ...done, ...writes } },
      delete: { operationId: 'deleteActionItem', summary: 'Remove an action item from the minutes (its task stays)', responses: { ...done, ...writes } },
    },
  };
}
