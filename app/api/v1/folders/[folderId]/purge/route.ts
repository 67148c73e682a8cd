import { userActor } from '@/lib/auth/actor';
import { purgeFromBin } from '@/lib/files/purge';
import { apiRoute } from '@/lib/http/api-route';

export const dynamic = 'force-dynamic';

/** 彻底删除 a folder that is in the recycle bin, with everything in it (space admins and owners). */
export const POST = apiRoute<{ folderId: string }>(async ({ user, params }) => {
  await purgeFromBin(userActor(user), { folderId: params.folderId });
  return new Response(null, { status: 204 });
});
