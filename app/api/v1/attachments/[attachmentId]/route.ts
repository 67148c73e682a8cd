import { userActor } from '@/lib/auth/actor';
import { detachFile } from '@/lib/files/attachments';
import { apiRoute } from '@/lib/http/api-route';

export const dynamic = 'force-dynamic';

/** Takes the attachment off; the file stays in the library. */
export const DELETE = apiRoute<{ attachmentId: string }>(async ({ user, params }) => {
  await detachFile(userActor(user), params.attachmentId);
  return new Response(null, { status: 204 });
});
