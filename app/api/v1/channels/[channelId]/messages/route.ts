import { userActor } from '@/lib/auth/actor';
import { postMessage } from '@/lib/chat/post-message';
import { listMessages } from '@/lib/chat/queries';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';

export const dynamic = 'force-dynamic';

type Params = { channelId: string };

/** The latest messages, or those `before`/`after` a seq; `seq` is the stream position to follow from. */
export const GET = apiRoute<Params>(async ({ request, user, params }) =>
  listMessages(userActor(user), params.channelId, Object.fromEntries(new URL(request.url).searchParams)));

/** Posts a message: 201 when stored, 200 with the stored one when its `clientKey` was already used. */
export const POST = apiRoute<Params>(async ({ request, user, params }) => {
  const { message, created } = await postMessage(userActor(user), params.channelId, await readJsonBody(request));
  return Response.json({ message }, { status: created ? 201 : 200 });
});
