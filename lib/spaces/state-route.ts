import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { getSpace } from './queries';
import { toSpaceDetail } from './resources';
import { archiveSpace, unarchiveSpace } from './service';

/** POST /spaces/{id}/archive and /unarchive: change the state, answer with the space as it now is. */
export function spaceStateRoute(change: 'archive' | 'unarchive') {
  return apiRoute<{ spaceId: string }>(async ({ user, params }) => {
    const actor = userActor(user);
    await (change === 'archive' ? archiveSpace : unarchiveSpace)(actor, params.spaceId);
    return { space: toSpaceDetail(await getSpace(actor, params.spaceId)) };
  });
}
