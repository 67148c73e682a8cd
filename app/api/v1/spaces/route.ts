import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';
import { getSpace, listSpaces } from '@/lib/spaces/queries';
import { toSpaceDetail, toSpaceResource } from '@/lib/spaces/resources';
import { createSpace } from '@/lib/spaces/service';

export const dynamic = 'force-dynamic';

/** The caller's spaces (or every space they may see with `scope=all`), filtered and paginated. */
export const GET = apiRoute(async ({ request, user }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const result = await listSpaces(userActor(user), query);
  return {
    data: result.rows.map((row) => ({ ...toSpaceResource(row.space, row.departments), memberCount: row.memberCount, myRole: row.myRole })),
    page: result.page,
    total: result.total,
  };
});

export const POST = apiRoute(async ({ request, user }) => {
  const actor = userActor(user);
  const space = await createSpace(actor, user.organizationId, await readJsonBody(request));
  return Response.json({ space: toSpaceDetail(await getSpace(actor, space.id)) }, { status: 201 });
});
