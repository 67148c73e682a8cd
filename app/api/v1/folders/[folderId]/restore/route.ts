import { userActor } from '@/lib/auth/actor';
import { restoreFolder } from '@/lib/files/manage';
import { apiRoute } from '@/lib/http/api-route';

export const dynamic = 'force-dynamic';

/** Back out of the recycle bin with its contents (space admins and owners). */
export const POST = apiRoute<{ folderId: string }>(async ({ user, params }) => {
  await restoreFolder(userActor(user), params.folderId);
  return new Response(null, { status: 204 });
});
