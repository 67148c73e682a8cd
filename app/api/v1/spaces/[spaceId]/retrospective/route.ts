import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';
import { getRetrospective } from '@/lib/retro/queries';
import { toRetrospectiveResource } from '@/lib/retro/resources';
import { saveRetrospective } from '@/lib/retro/service';

export const dynamic = 'force-dynamic';

/** The space's retrospective: the draft (pre-filled from the space's goal) or the completed record. */
export const GET = apiRoute<{ spaceId: string }>(async ({ user, params }) => ({
  retrospective: toRetrospectiveResource(await getRetrospective(userActor(user), params.spaceId)),
}));

/** Saves the whole draft; `version` must be the one read (409 when someone saved in between). */
export const PUT = apiRoute<{ spaceId: string }>(async ({ request, user, params }) => ({
  retrospective: toRetrospectiveResource(await saveRetrospective(userActor(user), params.spaceId, await readJsonBody(request))),
}));
