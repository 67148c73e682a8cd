import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { listTagSets } from '@/lib/kb/tags';

export const dynamic = 'force-dynamic';

/** The organisation's tag sets and their tags: the only tags a page may carry. */
export const GET = apiRoute(async ({ user }) => ({ data: await listTagSets(userActor(user), user.organizationId) }));
