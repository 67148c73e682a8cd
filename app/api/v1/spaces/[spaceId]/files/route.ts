import { userActor } from '@/lib/auth/actor';
import { listLibrary } from '@/lib/files/queries';
import { uploadFile } from '@/lib/files/upload';
import { apiRoute } from '@/lib/http/api-route';
import { uploadBody } from '@/lib/http/upload-body';

export const dynamic = 'force-dynamic';

type Params = { spaceId: string };

/** A folder of the library (`folderId`, the top by default), or matching files (`q`, `starred=1`). */
export const GET = apiRoute<Params>(async ({ request, user, params }) => listLibrary(userActor(user), params.spaceId, Object.fromEntries(new URL(request.url).searchParams)));

/**
 * Uploads the request body as a file named `name` into `folderId`: 201 for a new file, 200 when a
 * file of that name was there and got a new version.
 */
export const POST = apiRoute<Params>(async ({ request, user, params }) => {
  const { body, declaredBytes } = uploadBody(request);
  const { file, created } = await uploadFile(userActor(user), params.spaceId, Object.fromEntries(new URL(request.url).searchParams), body, declaredBytes);
  return Response.json({ file }, { status: created ? 201 : 200 });
});
