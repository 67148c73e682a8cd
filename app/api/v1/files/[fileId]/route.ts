import { userActor } from '@/lib/auth/actor';
import { deleteFile, updateFile } from '@/lib/files/manage';
import { getFileDetails } from '@/lib/files/queries';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';

export const dynamic = 'force-dynamic';

type Params = { fileId: string };

/** The file with its versions (newest first) and what it is attached to. */
export const GET = apiRoute<Params>(async ({ user, params }) => {
  const { file, path, versions, attachments } = await getFileDetails(userActor(user), params.fileId);
  return { file, path, versions, attachments };
});

/** Renames (`name`) and/or moves (`folderId`, null for the top). */
export const PATCH = apiRoute<Params>(async ({ request, user, params }) => {
  const actor = userActor(user);
  await updateFile(actor, params.fileId, await readJsonBody(request));
  const { file } = await getFileDetails(actor, params.fileId);
  return { file };
});

/** Into the recycle bin. */
export const DELETE = apiRoute<Params>(async ({ user, params }) => {
  await deleteFile(userActor(user), params.fileId);
  return new Response(null, { status: 204 });
});
