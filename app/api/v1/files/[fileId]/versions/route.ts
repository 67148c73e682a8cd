import { userActor } from '@/lib/auth/actor';
import { getFileDetails } from '@/lib/files/queries';
import { uploadVersion } from '@/lib/files/upload';
import { apiRoute } from '@/lib/http/api-route';
import { uploadBody } from '@/lib/http/upload-body';

export const dynamic = 'force-dynamic';

type Params = { fileId: string };

/** 版本历史, newest first. */
export const GET = apiRoute<Params>(async ({ user, params }) => ({ versions: (await getFileDetails(userActor(user), params.fileId)).versions }));

/** 上传新版本: the request body becomes the file's newest version (`note` in the query string). */
export const POST = apiRoute<Params>(async ({ request, user, params }) => {
  const { body, declaredBytes } = uploadBody(request);
  const file = await uploadVersion(userActor(user), params.fileId, Object.fromEntries(new URL(request.url).searchParams), body, declaredBytes);
  return Response.json({ file }, { status: 201 });
});
