import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';
import { getSpace } from '@/lib/spaces/queries';
import { toSpaceDetail } from '@/lib/spaces/resources';
import { updateSpace } from '@/lib/spaces/service';

export const dynamic = 'force-dynamic';

type Params = { spaceId: string };

export const GET = apiRoute<Params>(async ({ user, params }) => ({
  space: toSpaceDetail(await getSpace(userActor(user), params.spaceId)),
}));

export const PATCH = apiRoute<Params>(async ({ request, user, params }) => {
  const actor = userActor(user);
  await updateSpace(actor, params.spaceId, await readJsonBody(request));
  return { space: toSpaceDetail(await getSpace(actor, params.spaceId)) };
});
