import { userActor } from '@/lib/auth/actor';
import { recycleBin } from '@/lib/files/queries';
import { apiRoute } from '@/lib/http/api-route';

export const dynamic = 'force-dynamic';

/** What the space's recycle bin holds (space admins and owners). */
export const GET = apiRoute<{ spaceId: string }>(async ({ user, params }) => recycleBin(userActor(user), params.spaceId));
