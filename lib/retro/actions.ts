'use server';

import { authedAction } from '@/lib/http/authed-action';
import { formText } from '@/lib/validation';
import { completeRetrospective, improvementToPage, improvementToTask, reopenRetrospective, saveRetrospective } from './service';

// Form actions for the retrospective page; the services check `retro.edit` in the space themselves.
// Each answers with the retrospective's new version, so the open editor keeps saving on top of it.

const draftOf = ({ spaceId: _space, ...rest }: Record<string, unknown>) => rest;

export const saveRetroAction = authedAction(async (actor, input): Promise<number> => {
  return (await saveRetrospective(actor, formText(input.spaceId), draftOf(input))).version;
}, { revalidate: '/', successMessage: 'retro.saved' });

/** 完成复盘 from the editor: what is on screen is saved first, then completed on top of that version. */
export const completeRetroAction = authedAction(async (actor, input): Promise<number> => {
  const spaceId = formText(input.spaceId);
  const saved = await saveRetrospective(actor, spaceId, draftOf(input));
  return (await completeRetrospective(actor, spaceId, { version: saved.version })).version;
}, { revalidate: '/', successMessage: 'retro.completed' });

export const reopenRetroAction = authedAction(async (actor, input): Promise<void> => {
  await reopenRetrospective(actor, formText(input.spaceId));
}, { revalidate: '/', successMessage: 'retro.reopened' });

export const improvementToTaskAction = authedAction(async (actor, input): Promise<number> => {
  const view = await improvementToTask(actor, formText(input.spaceId), formText(input.improvementId), { assigneeId: formText(input.assigneeId), dueDate: formText(input.dueDate) });
  return view.version;
}, { revalidate: '/', successMessage: 'retro.taskCreated' });

export const improvementToPageAction = authedAction(async (actor, input): Promise<number> => {
  return (await improvementToPage(actor, formText(input.spaceId), formText(input.improvementId))).version;
}, { revalidate: '/', successMessage: 'retro.pageCreated' });
