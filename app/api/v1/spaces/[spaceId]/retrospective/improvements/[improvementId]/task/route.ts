import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';
import { toRetrospectiveResource } from '@/lib/retro/resources';
import { improvementToTask } from '@/lib/retro/service';

export const dynamic = 'force-dynamic';

/** 转为任务: the improvement becomes a task of the space (`assigneeId`, `dueDate`), linked in the improvement. */
export const POST = apiRoute<{ spaceId: string; improvementId: string }>(async ({ request, user, params }) => {
  const view = await improvementToTask(userActor(user), params.spaceId, params.improvementId, await readJsonBody(request));
  return Response.json({ retrospective: toRetrospectiveResource(view) }, { status: 201 });
});
