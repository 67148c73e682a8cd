import { apiRoute } from '@/lib/http/api-route';
import { readUploadedFile } from '@/lib/http/uploaded-file';
import { removeOwnAvatar, setOwnAvatar } from '@/lib/org/avatar';
import { AVATAR_MAX_BYTES, avatarUrl } from '@/lib/org/avatar-rules';
import { userActor } from '@/lib/auth/actor';

export const dynamic = 'force-dynamic';

/** Replaces the caller's picture: multipart/form-data with the image in `file`. */
export const PUT = apiRoute(async ({ request, user }) => {
  const bytes = await readUploadedFile(request, AVATAR_MAX_BYTES, 'avatarTooLarge');
  const key = await setOwnAvatar(userActor(user), bytes);
  return { avatarUrl: avatarUrl(key) };
});

export const DELETE = apiRoute(async ({ user }) => {
  await removeOwnAvatar(userActor(user));
  return new Response(null, { status: 204 });
});
