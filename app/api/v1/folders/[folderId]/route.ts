import { userActor } from '@/lib/auth/actor';
import { deleteFolder, updateFolder } from '@/lib/files/manage';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';

export const dynamic = 'force-dynamic';

type Params = { folderId: string };

/** Renames (`name`) and/or moves (`folderId`: the new parent, null for the top). */
export const PATCH = apiRoute<Params>(async ({ request, user, params }) => {
  await updateFolder(userActor(user), params.folderId, await readJsonBody(request));
  return new Response(null, { status: 204 });
});

/** Into the recycle bin with everything in it. */
export const DELETE = apiRoute<Params>(async ({ user, params }) => {
  await deleteFolder(userActor(user), params.folderId);
  return new Response(null, { status: 204 });
});
