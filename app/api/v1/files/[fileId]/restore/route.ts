import { userActor } from '@/lib/auth/actor';
import { restoreFile } from '@/lib/files/manage';
import { apiRoute } from '@/lib/http/api-route';

export const dynamic = 'force-dynamic';

/** Back out of the recycle bin (space admins and owners). */
export const POST = apiRoute<{ fileId: string }>(async ({ user, params }) => {
  await restoreFile(userActor(user), params.fileId);
  return new Response(null, { status: 204 });
});
