import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';
import { getTask } from '@/lib/tasks/queries';
import { toTaskDetail } from '@/lib/tasks/resources';
import { deleteTask, updateTask } from '@/lib/tasks/service';

export const dynamic = 'force-dynamic';

type Params = { taskId: string };

export const GET = apiRoute<Params>(async ({ user, params }) => ({ task: toTaskDetail(await getTask(userActor(user), params.taskId)) }));

/** Changes what is sent; `rescheduled` lists the tasks that had to move later with this one. */
export const PATCH = apiRoute<Params>(async ({ request, user, params }) => {
  const actor = userActor(user);
  const { rescheduled } = await updateTask(actor, params.taskId, await readJsonBody(request));
  return { task: toTaskDetail(await getTask(actor, params.taskId)), rescheduled };
});

export const DELETE = apiRoute<Params>(async ({ user, params }) => {
  await deleteTask(userActor(user), params.taskId);
  return new Response(null, { status: 204 });
});
