'use server';

import { authedAction } from '@/lib/http/authed-action';
import { formText } from '@/lib/validation';
import { createMilestone, deleteMilestone, updateMilestone } from './milestones';

// Form actions for the project progress table; the service checks the actor's permission.

/** Adds a row, or (with `milestoneId`) replaces one. */
export const saveMilestoneAction = authedAction(async (actor, input): Promise<void> => {
  if (input.milestoneId) await updateMilestone(actor, formText(input.milestoneId), input);
  else await createMilestone(actor, formText(input.spaceId), input);
}, { revalidate: '/', successMessage: 'tasks.saved' });

export const deleteMilestoneAction = authedAction(async (actor, input): Promise<void> => {
  await deleteMilestone(actor, formText(input.milestoneId));
}, { revalidate: '/' });
