'use server';

import { authedAction } from '@/lib/http/authed-action';
import { formText } from '@/lib/validation';
import { completeRetrospective, improvementToTask, reopenRetrospective, saveRetrospective } from './service';

// Form actions for the retrospective page; the services check `retro.edit` in the space themselves.

export const saveRetroAction = authedAction(async (actor, input): Promise<number> => {
  const { spaceId, ...rest } = input;
  return (await saveRetrospective(actor, formText(spaceId), rest)).version;
}, { revalidate: '/', successMessage: 'retro.saved' });

export const completeRetroAction = authedAction(async (actor, input): Promise<void> => {
  await completeRetrospective(actor, formText(input.spaceId), { version: input.version });
}, { revalidate: '/', successMessage: 'retro.completed' });

export const reopenRetroAction = authedAction(async (actor, input): Promise<void> => {
  await reopenRetrospective(actor, formText(input.spaceId));
}, { revalidate: '/', successMessage: 'retro.reopened' });

export const improvementToTaskAction = authedAction(async (actor, input): Promise<void> => {
  await improvementToTask(actor, formText(input.spaceId), formText(input.improvementId), { assigneeId: formText(input.assigneeId), dueDate: formText(input.dueDate) });
}, { revalidate: '/', successMessage: 'retro.taskCreated' });
