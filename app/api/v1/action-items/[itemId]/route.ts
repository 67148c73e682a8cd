import { userActor } from '@/lib/auth/actor';
import { deleteActionItem, updateActionItem } from '@/lib/meetings/action-items';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';

export const dynamic = 'force-dynamic';

type Params = { itemId: string };

/** Changes what is sent; once synced, the change is made to the task the item became. */
export const PATCH = apiRoute<Params>(async ({ request, user, params }) => {
  await updateActionItem(userActor(user), params.itemId, await readJsonBody(request));
  return new Response(null, { status: 204 });
});

export const DELETE = apiRoute<Params>(async ({ user, params }) => {
  await deleteActionItem(userActor(user), params.itemId);
  return new Response(null, { status: 204 });
});
