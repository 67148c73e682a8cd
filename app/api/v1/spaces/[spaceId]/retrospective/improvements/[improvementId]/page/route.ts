import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { toRetrospectiveResource } from '@/lib/retro/resources';
import { improvementToPage } from '@/lib/retro/service';

export const dynamic = 'force-dynamic';

/** 转为知识库页面: the improvement becomes a page of the space's knowledge base, linked in the improvement. */
export const POST = apiRoute<{ spaceId: string; improvementId: string }>(async ({ user, params }) => {
  const view = await improvementToPage(userActor(user), params.spaceId, params.improvementId);
  return Response.json({ retrospective: toRetrospectiveResource(view) }, { status: 201 });
});
