import { userActor } from '@/lib/auth/actor';
import { attachFile } from '@/lib/files/attachments';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';

export const dynamic = 'force-dynamic';

/** Attaches the file to a task, meeting or message of its space: `{ targetType, targetId }`. */
export const POST = apiRoute<{ fileId: string }>(async ({ request, user, params }) => {
  await attachFile(userActor(user), params.fileId, await readJsonBody(request));
  return new Response(null, { status: 204 });
});
