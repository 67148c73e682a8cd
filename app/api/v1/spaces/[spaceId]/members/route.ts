import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';
import { addSpaceMembers } from '@/lib/spaces/members';
import { getSpace } from '@/lib/spaces/queries';
import { toSpaceMemberResource } from '@/lib/spaces/resources';

export const dynamic = 'force-dynamic';

type Params = { spaceId: string };

export const GET = apiRoute<Params>(async ({ user, params }) => ({
  members: (await getSpace(userActor(user), params.spaceId)).members.map(toSpaceMemberResource),
}));

/** Invites `userIds` and/or whole `departmentIds` with one `role`; answers with the ids added. */
export const POST = apiRoute<Params>(async ({ request, user, params }) => {
  const added = await addSpaceMembers(userActor(user), params.spaceId, await readJsonBody(request));
  return Response.json({ added }, { status: 201 });
});
