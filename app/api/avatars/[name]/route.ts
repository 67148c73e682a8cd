import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { readAvatar } from '@/lib/org/avatar';
import { avatarKeyFromName } from '@/lib/org/avatar-rules';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ name: string }>(async ({ user, params }) => {
  const bytes = await readAvatar(userActor(user), avatarKeyFromName(params.name));
  return new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': 'image/webp',
      // A new upload gets a new key, so a served picture never changes.
      'cache-control': 'private, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    },
  });
});
