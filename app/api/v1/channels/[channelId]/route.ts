import { userActor } from '@/lib/auth/actor';
import { updateChannel } from '@/lib/chat/channels';
import { channelReaders, getChannel } from '@/lib/chat/queries';
import { channelResource } from '@/lib/chat/resources';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';

export const dynamic = 'force-dynamic';

type Params = { channelId: string };

export const GET = apiRoute<Params>(async ({ user, params }) => {
  const actor = userActor(user);
  const channel = await getChannel(actor, params.channelId);
  const { audience } = await channelReaders(actor, params.channelId);
  return { channel: channelResource(channel, channel.isPrivate ? audience.map((p) => p.id) : []) };
});

/** Renames it, changes its topic or (private channels) its members. */
export const PATCH = apiRoute<Params>(async ({ request, user, params }) => ({
  channel: await updateChannel(userActor(user), params.channelId, await readJsonBody(request)),
}));
