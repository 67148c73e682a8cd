import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';
import { toRetrospectiveResource } from '@/lib/retro/resources';
import { completeRetrospective } from '@/lib/retro/service';

export const dynamic = 'force-dynamic';

/** Completes the retrospective and keeps the facts as they are now; an optional `version` is checked. */
export const POST = apiRoute<{ spaceId: string }>(async ({ request, user, params }) => {
  const body = request.headers.get('content-type') ? await readJsonBody(request) : {};
  return { retrospective: toRetrospectiveResource(await completeRetrospective(userActor(user), params.spaceId, body)) };
});
