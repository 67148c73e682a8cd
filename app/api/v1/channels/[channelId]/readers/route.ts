import { userActor } from '@/lib/auth/actor';
import { channelReaders } from '@/lib/chat/queries';
import { apiRoute } from '@/lib/http/api-route';

export const dynamic = 'force-dynamic';

/** Everyone the channel's messages are for and how far each has read: read receipts are worked out from it. */
export const GET = apiRoute<{ channelId: string }>(async ({ user, params }) => channelReaders(userActor(user), params.channelId));
