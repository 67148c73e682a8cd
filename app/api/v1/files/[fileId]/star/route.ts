import { userActor } from '@/lib/auth/actor';
import { setStar } from '@/lib/files/stars';
import { apiRoute } from '@/lib/http/api-route';

export const dynamic = 'force-dynamic';

type Params = { fileId: string };

/** 标星 for the caller. */
export const PUT = apiRoute<Params>(async ({ user, params }) => {
  await setStar(userActor(user), params.fileId, true);
  return new Response(null, { status: 204 });
});

export const DELETE = apiRoute<Params>(async ({ user, params }) => {
  await setStar(userActor(user), params.fileId, false);
  return new Response(null, { status: 204 });
});
