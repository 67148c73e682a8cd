import { userActor } from '@/lib/auth/actor';
import { purgeFromBin } from '@/lib/files/purge';
import { apiRoute } from '@/lib/http/api-route';

export const dynamic = 'force-dynamic';

/** 彻底删除 a file that is in the recycle bin, with all its versions (space admins and owners). */
export const POST = apiRoute<{ fileId: string }>(async ({ user, params }) => {
  await purgeFromBin(userActor(user), { fileId: params.fileId });
  return new Response(null, { status: 204 });
});
