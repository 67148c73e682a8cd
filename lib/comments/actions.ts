'use server';

import { authedAction } from '@/lib/http/authed-action';
import { formText } from '@/lib/validation';
import { addComment, deleteComment, editComment, markHandled } from './service';
import { updateCommentSettings } from './settings';

// Form actions of comment threads and the response-time form; every service checks the actor's right itself.
const refresh = { revalidate: '/' } as const;

export const addCommentAction = authedAction(async (actor, input): Promise<void> => {
  await addComment(actor, { targetType: formText(input.targetType) as 'task', targetId: formText(input.targetId), parentId: formText(input.parentId), body: formText(input.body) });
}, refresh);

export const editCommentAction = authedAction(async (actor, input): Promise<void> => {
  await editComment(actor, formText(input.commentId), { body: formText(input.body) });
}, refresh);

export const deleteCommentAction = authedAction(async (actor, input): Promise<void> => {
  await deleteComment(actor, formText(input.commentId));
}, refresh);

export const markHandledAction = authedAction(async (actor, input): Promise<void> => {
  await markHandled(actor, formText(input.commentId));
}, refresh);

export const updateCommentSettingsAction = authedAction(async (actor, input): Promise<void> => {
  await updateCommentSettings(actor, formText(input.spaceId), { responseHours: formText(input.responseHours), workingHoursOnly: formText(input.workingHoursOnly) || 'false' });
}, { ...refresh, successMessage: 'commentSettings.saved' });
