import { userActor } from '@/lib/auth/actor';
import { unreadBySpace } from '@/lib/chat/queries';
import { apiRoute } from '@/lib/http/api-route';

export const dynamic = 'force-dynamic';

/** Unread messages and mentions in each of the caller's active spaces. */
export const GET = apiRoute(async ({ user }) => ({ spaces: await unreadBySpace(userActor(user)) }));
