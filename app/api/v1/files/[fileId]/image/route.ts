import { userActor } from '@/lib/auth/actor';
import { openVersionBytes, readableVersion } from '@/lib/files/content';
import { isInlineSafe } from '@/lib/files/preview/file-kind';
import { NotFound } from '@/lib/errors';
import { apiRoute } from '@/lib/http/api-route';

export const dynamic = 'force-dynamic';

/**
 * A library image as a knowledge page shows it: the newest version, inline, to whoever may read
 * the file's space (checked on every request). Anything but a safe image type is not an image here.
 */
export const GET = apiRoute<{ fileId: string }>(async ({ user, params }) => {
  const { version } = await readableVersion(userActor(user), params.fileId, null);
  if (!version.mime.startsWith('image/') || !isInlineSafe(version.mime)) throw NotFound();
  const { body, size } = await openVersionBytes(version, null);
  return new Response(body, {
    headers: {
      'content-type': version.mime, 'content-length': String(size), 'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox", etag: `"${version.sha256}"`, 'cache-control': 'private, max-age=300',
    },
  });
});
