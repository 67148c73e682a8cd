'use server';

import { redirect } from 'next/navigation';
import type { Actor } from '@/lib/auth/actor';
import { authedAction } from '@/lib/http/authed-action';
import { formText } from '@/lib/validation';
import { moveTask } from './board';
import { bulkUpdateTaskStatus } from './bulk';
import { resolveTaskIssue } from './issues';
import { taskIdsForNumbers } from './queries';
import { createTask, deleteTask, updateTask } from './service';

// Form actions for tasks; every service checks the actor's permission in the task's space itself.
const refresh = { revalidate: '/' } as const;

/**
 * What the task form posts, as the service takes it: predecessors and the parent are typed as
 * task numbers, the issue entry as two flat fields, and an unticked milestone box sends nothing.
 */
async function taskInput(spaceId: string, input: Record<string, unknown>, options: { edit: boolean }) {
  const { 'issue.reason': reason, 'issue.proposedSolution': proposedSolution, dependsOnNumbers, parentNumber, ...rest } = input;
  const [dependsOnIds, parent] = await Promise.all([
    'dependsOnNumbers' in input ? taskIdsForNumbers(spaceId, dependsOnNumbers, 'dependsOnIds') : undefined,
    'parentNumber' in input ? taskIdsForNumbers(spaceId, parentNumber, 'parentId') : undefined,
  ]);
  return {
    ...rest,
    ...(dependsOnIds ? { dependsOnIds } : {}),
    ...(parent ? { parentId: parent[0] ?? null } : {}),
    ...(options.edit && 'name' in input ? { isMilestone: input.isMilestone ?? 'false' } : {}),
    ...(reason !== undefined || proposedSolution !== undefined ? { issue: { reason: formText(reason), proposedSolution: formText(proposedSolution) } } : {}),
  };
}

export const createTaskAction = authedAction(async (actor, input): Promise<void> => {
  const spaceId = formText(input.spaceId);
  // The issue fields count only when the task starts out blocked.
  const { 'issue.reason': _reason, 'issue.proposedSolution': _solution, ...withoutIssue } = input;
  const task = await createTask(actor, spaceId, await taskInput(spaceId, input.status === 'blocked' ? input : withoutIssue, { edit: false }));
  redirect(`/spaces/${spaceId}/tasks/${task.id}`);
});

async function applyUpdate(actor: Actor, input: Record<string, unknown>) {
  const { taskId, spaceId, ...rest } = input;
  await updateTask(actor, formText(taskId), await taskInput(formText(spaceId), rest, { edit: true }));
}

/** Inline edits in the list and the status control post here: what is sent changes. */
export const updateTaskAction = authedAction(applyUpdate, { ...refresh, successMessage: 'tasks.saved' });

/** The edit form: saves, then shows the task. */
export const editTaskAction = authedAction(async (actor, input): Promise<void> => {
  await applyUpdate(actor, input);
  redirect(`/spaces/${formText(input.spaceId)}/tasks/${formText(input.taskId)}`);
});

export const bulkTaskStatusAction = authedAction(async (actor, input): Promise<number> => {
  return bulkUpdateTaskStatus(actor, formText(input.spaceId), input);
}, { ...refresh, successMessage: 'tasks.bulkDone' });

export const deleteTaskAction = authedAction(async (actor, input): Promise<void> => {
  await deleteTask(actor, formText(input.taskId));
  redirect(`/spaces/${formText(input.spaceId)}/tasks`);
});

export const resolveTaskIssueAction = authedAction(async (actor, input): Promise<void> => {
  await resolveTaskIssue(actor, formText(input.issueId), input);
}, { ...refresh, successMessage: 'tasks.issueResolvedDone' });

/** A card dropped on the board: its column (status) and neighbours, plus the issue entry or unblock choice when needed. */
export const moveTaskAction = authedAction(async (actor, input): Promise<void> => {
  const { 'issue.reason': reason, 'issue.proposedSolution': proposedSolution, afterId, beforeId, ...rest } = input;
  await moveTask(actor, formText(input.taskId), {
    ...rest,
    afterId: formText(afterId) || null,
    beforeId: formText(beforeId) || null,
    ...(reason !== undefined ? { issue: { reason: formText(reason), proposedSolution: formText(proposedSolution) } } : {}),
  });
}, refresh);
