import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';
import { todayFor } from '@/lib/org/time-zone';
import { getTask, listTasks } from '@/lib/tasks/queries';
import { toTaskDetail, toTaskListItem } from '@/lib/tasks/resources';
import { createTask } from '@/lib/tasks/service';

export const dynamic = 'force-dynamic';

type Params = { spaceId: string };

/** The space's tasks, filtered and sorted, a page at a time (`nextCursor` fetches the next). */
export const GET = apiRoute<Params>(async ({ request, user, params }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const result = await listTasks(userActor(user), params.spaceId, query, todayFor(user));
  return { data: result.rows.map(toTaskListItem), nextCursor: result.nextCursor, total: result.total };
});

export const POST = apiRoute<Params>(async ({ request, user, params }) => {
  const actor = userActor(user);
  const task = await createTask(actor, params.spaceId, await readJsonBody(request));
  return Response.json({ task: toTaskDetail(await getTask(actor, task.id)) }, { status: 201 });
});
