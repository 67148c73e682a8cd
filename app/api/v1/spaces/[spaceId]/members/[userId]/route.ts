import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';
import { removeSpaceMember, updateSpaceMember } from '@/lib/spaces/members';

export const dynamic = 'force-dynamic';

type Params = { spaceId: string; userId: string };

/** Changes `role` and/or `isAdmin`. */
export const PATCH = apiRoute<Params>(async ({ request, user, params }) => {
  const member = await updateSpaceMember(userActor(user), params.spaceId, params.userId, await readJsonBody(request));
  return { member: { userId: member.userId, role: member.role, isAdmin: member.isAdmin } };
});

export const DELETE = apiRoute<Params>(async ({ user, params }) => {
  await removeSpaceMember(userActor(user), params.spaceId, params.userId);
  return new Response(null, { status: 204 });
});
