import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';
import { raiseTaskIssue } from '@/lib/tasks/issues';
import { getTask } from '@/lib/tasks/queries';
import { toTaskDetail } from '@/lib/tasks/resources';

export const dynamic = 'force-dynamic';

/** Blocks the task with an issue-tracking entry (reason + proposed solution). */
export const POST = apiRoute<{ taskId: string }>(async ({ request, user, params }) => {
  const actor = userActor(user);
  await raiseTaskIssue(actor, params.taskId, await readJsonBody(request));
  return Response.json({ task: toTaskDetail(await getTask(actor, params.taskId)) }, { status: 201 });
});
