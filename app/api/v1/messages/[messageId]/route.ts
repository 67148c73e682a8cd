import { userActor } from '@/lib/auth/actor';
import { deleteMessage, editMessage } from '@/lib/chat/messages';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';

export const dynamic = 'force-dynamic';

type Params = { messageId: string };

/** Changes the text of one's own message. */
export const PATCH = apiRoute<Params>(async ({ request, user, params }) => ({
  message: await editMessage(userActor(user), params.messageId, await readJsonBody(request)),
}));

/** Deletes one's own message (space admins and owners may delete any). */
export const DELETE = apiRoute<Params>(async ({ user, params }) => {
  await deleteMessage(userActor(user), params.messageId);
  return new Response(null, { status: 204 });
});
