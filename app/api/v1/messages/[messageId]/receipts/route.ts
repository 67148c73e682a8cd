import { userActor } from '@/lib/auth/actor';
import { messageReceipts } from '@/lib/chat/queries';
import { apiRoute } from '@/lib/http/api-route';

export const dynamic = 'force-dynamic';

/** Who has read the message and who has not (its author aside). */
export const GET = apiRoute<{ messageId: string }>(async ({ user, params }) => messageReceipts(userActor(user), params.messageId));
