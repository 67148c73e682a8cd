import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { getPage } from '@/lib/kb/queries';
import { toPageResource } from '@/lib/kb/resources';
import { promotePage } from '@/lib/kb/service';

export const dynamic = 'force-dynamic';

/** Copies a space page, with its tags, into the organisation's knowledge base. */
export const POST = apiRoute<{ pageId: string }>(async ({ user, params }) => {
  const actor = userActor(user);
  const page = await promotePage(actor, params.pageId);
  return Response.json({ page: toPageResource(await getPage(actor, page.id)) }, { status: 201 });
});
