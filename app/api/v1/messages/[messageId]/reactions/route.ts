import { userActor } from '@/lib/auth/actor';
import { setReaction } from '@/lib/chat/messages';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';

export const dynamic = 'force-dynamic';

type Params = { messageId: string };

/** Adds the caller's reaction `{ emoji }` (again: no change). */
export const POST = apiRoute<Params>(async ({ request, user, params }) => ({
  reactions: await setReaction(userActor(user), params.messageId, await readJsonBody(request), true),
}));

/** Removes the caller's reaction `?emoji=…`. */
export const DELETE = apiRoute<Params>(async ({ request, user, params }) => ({
  reactions: await setReaction(userActor(user), params.messageId, { emoji: new URL(request.url).searchParams.get('emoji') ?? '' }, false),
}));
