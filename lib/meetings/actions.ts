'use server';

import { redirect } from 'next/navigation';
import { authedAction } from '@/lib/http/authed-action';
import { formText } from '@/lib/validation';
import { addActionItem, deleteActionItem, syncActionItems, updateActionItem } from './action-items';
import { runAgendaItem } from './agenda';
import { addMeetingNote, deleteMeetingNote, markMeetingNoteDecision } from './notes';
import { cancelMeeting, createMeeting, saveMinutes, updateMeeting } from './service';

// Form actions for meetings; every service checks the actor's right in the meeting's space itself.
const refresh = { revalidate: '/' } as const;

const meetingPath = (input: Record<string, unknown>) => `/spaces/${formText(input.spaceId)}/meetings/${formText(input.meetingId)}`;

/** The meeting form: the agenda comes as one JSON field; unticked lists send nothing, meaning none. */
function meetingInput(input: Record<string, unknown>) {
  const { spaceId: _space, meetingId: _meeting, ...rest } = input;
  return { departmentIds: [], attendeeIds: [], ...rest };
}

export const createMeetingAction = authedAction(async (actor, input): Promise<void> => {
  const meeting = await createMeeting(actor, formText(input.spaceId), meetingInput(input));
  redirect(`/spaces/${meeting.spaceId}/meetings/${meeting.id}`);
});

export const editMeetingAction = authedAction(async (actor, input): Promise<void> => {
  await updateMeeting(actor, formText(input.meetingId), meetingInput(input));
  redirect(meetingPath(input));
});

export const cancelMeetingAction = authedAction(async (actor, input): Promise<void> => {
  await cancelMeeting(actor, formText(input.meetingId));
}, refresh);

export const saveMinutesAction = authedAction(async (actor, input): Promise<void> => {
  await saveMinutes(actor, formText(input.meetingId), { minutes: input.minutes, nextMeeting: input.nextMeeting, absentIds: input.absentIds ?? [] });
}, { ...refresh, successMessage: 'meetings.minutesSaved' });

export const addMeetingNoteAction = authedAction(async (actor, input): Promise<void> => {
  await addMeetingNote(actor, formText(input.meetingId), { body: formText(input.body), isDecision: input.isDecision ?? 'false' });
}, refresh);

export const markDecisionAction = authedAction(async (actor, input): Promise<void> => {
  await markMeetingNoteDecision(actor, formText(input.noteId), input.isDecision);
}, refresh);

export const deleteMeetingNoteAction = authedAction(async (actor, input): Promise<void> => {
  await deleteMeetingNote(actor, formText(input.noteId));
}, refresh);

export const runAgendaItemAction = authedAction(async (actor, input): Promise<void> => {
  await runAgendaItem(actor, formText(input.meetingId), formText(input.itemId), input.command === 'stop' ? 'stop' : 'start');
}, refresh);

export const addActionItemAction = authedAction(async (actor, input): Promise<void> => {
  const { meetingId, spaceId: _space, ...rest } = input;
  await addActionItem(actor, formText(meetingId), rest);
}, refresh);

/** The edit form sends every field; no ticked helper means none (it sends nothing then). */
export const updateActionItemAction = authedAction(async (actor, input): Promise<void> => {
  const { itemId, meetingId: _meeting, spaceId: _space, ...rest } = input;
  await updateActionItem(actor, formText(itemId), { helperIds: [], ...rest });
}, refresh);

export const deleteActionItemAction = authedAction(async (actor, input): Promise<void> => {
  await deleteActionItem(actor, formText(input.itemId));
}, refresh);

export const syncActionItemsAction = authedAction(async (actor, input): Promise<void> => {
  await syncActionItems(actor, formText(input.meetingId));
}, refresh);
