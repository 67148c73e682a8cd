import { userActor } from '@/lib/auth/actor';
import { createChannel } from '@/lib/chat/channels';
import { listChannels } from '@/lib/chat/queries';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';

export const dynamic = 'force-dynamic';

type Params = { spaceId: string };

/** The group chats the caller may see, with unread and mention counts; `archived=1` adds archived ones. */
export const GET = apiRoute<Params>(async ({ request, user, params }) => {
  const archived = new URL(request.url).searchParams.get('archived') === '1';
  return { data: await listChannels(userActor(user), params.spaceId, { archived }) };
});

export const POST = apiRoute<Params>(async ({ request, user, params }) => {
  const channel = await createChannel(userActor(user), params.spaceId, await readJsonBody(request));
  return Response.json({ channel }, { status: 201 });
});
