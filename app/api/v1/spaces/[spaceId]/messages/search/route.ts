import { userActor } from '@/lib/auth/actor';
import { searchMessages } from '@/lib/chat/search';
import { apiRoute } from '@/lib/http/api-route';

export const dynamic = 'force-dynamic';

/** Messages of the space containing every keyword of `q` (Chinese or English), newest first. */
export const GET = apiRoute<{ spaceId: string }>(async ({ request, user, params }) =>
  searchMessages(userActor(user), params.spaceId, Object.fromEntries(new URL(request.url).searchParams)));
