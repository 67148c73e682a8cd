import { userActor } from '@/lib/auth/actor';
import { listThread } from '@/lib/chat/queries';
import { apiRoute } from '@/lib/http/api-route';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ messageId: string }>(async ({ user, params }) => listThread(userActor(user), params.messageId));
