import { userActor } from '@/lib/auth/actor';
import { apiRoute, errorResponse, localeFor } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';
import { isPageConflict } from '@/lib/kb/conflict';
import { getPage } from '@/lib/kb/queries';
import { toPageCurrent, toPageResource } from '@/lib/kb/resources';
import { deletePage, movePage, savePage } from '@/lib/kb/service';

export const dynamic = 'force-dynamic';

type Params = { pageId: string };

export const GET = apiRoute<Params>(async ({ user, params }) => ({ page: toPageResource(await getPage(userActor(user), params.pageId)) }));

/**
 * Saves `title`, `content` (and `tags` when sent) on top of `baseVersion`; a stale base is 409 with
 * the page as it is now in `current`. `parentId`/`beforeId` alone move the page instead.
 */
export const PATCH = apiRoute<Params>(async ({ request, user, params }) => {
  const actor = userActor(user);
  const body = await readJsonBody(request);
  try {
    if (!('title' in body) && !('content' in body) && ('parentId' in body || 'beforeId' in body)) await movePage(actor, params.pageId, body);
    else await savePage(actor, params.pageId, body);
  } catch (error) {
    if (!isPageConflict(error)) throw error;
    const answer = await errorResponse(error, localeFor(request, user)).json();
    return Response.json({ ...answer, current: toPageCurrent(error.current) }, { status: 409 });
  }
  return { page: toPageResource(await getPage(actor, params.pageId)) };
});

export const DELETE = apiRoute<Params>(async ({ user, params }) => {
  await deletePage(userActor(user), params.pageId);
  return new Response(null, { status: 204 });
});
