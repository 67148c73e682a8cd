import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { toRetrospectiveResource } from '@/lib/retro/resources';
import { reopenRetrospective } from '@/lib/retro/service';

export const dynamic = 'force-dynamic';

export const POST = apiRoute<{ spaceId: string }>(async ({ user, params }) => ({
  retrospective: toRetrospectiveResource(await reopenRetrospective(userActor(user), params.spaceId)),
}));
