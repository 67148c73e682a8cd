import { userActor } from '@/lib/auth/actor';
import { setChannelArchived } from '@/lib/chat/channels';
import { apiRoute } from '@/lib/http/api-route';

export const dynamic = 'force-dynamic';

export const POST = apiRoute<{ channelId: string }>(async ({ user, params }) => ({
  channel: await setChannelArchived(userActor(user), params.channelId, true),
}));
