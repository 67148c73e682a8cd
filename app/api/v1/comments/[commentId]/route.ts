import { userActor } from '@/lib/auth/actor';
import { deleteComment, editComment } from '@/lib/comments/service';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';

export const dynamic = 'force-dynamic';

type Params = { commentId: string };

/** `{ body }`: changes one's own comment; its mentions are read again. */
export const PATCH = apiRoute<Params>(async ({ request, user, params }) => {
  const body = await readJsonBody(request);
  return { comment: await editComment(userActor(user), params.commentId, { body: body.body as string }) };
});

/** Deletes a comment (its author, or the space's leads); it stays in the thread as deleted. */
export const DELETE = apiRoute<Params>(async ({ user, params }) => {
  await deleteComment(userActor(user), params.commentId);
  return new Response(null, { status: 204 });
});
