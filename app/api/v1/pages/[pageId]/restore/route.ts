import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';
import { getPage } from '@/lib/kb/queries';
import { toPageResource } from '@/lib/kb/resources';
import { restorePageVersion } from '@/lib/kb/service';

export const dynamic = 'force-dynamic';

/** Makes `version` the newest again, as a new version. */
export const POST = apiRoute<{ pageId: string }>(async ({ request, user, params }) => {
  const actor = userActor(user);
  await restorePageVersion(actor, params.pageId, await readJsonBody(request));
  return { page: toPageResource(await getPage(actor, params.pageId)) };
});
