import { userActor } from '@/lib/auth/actor';
import { contentDisposition } from '@/lib/http/download';
import { apiRoute, localeFor } from '@/lib/http/api-route';
import { openSpaceExport } from '@/lib/export/space-export';
import { timeZoneOf } from '@/lib/org/time-zone';

export const dynamic = 'force-dynamic';

/** The whole space as a zip for records (leads and admins), streamed as it is written. */
export const GET = apiRoute<{ spaceId: string }>(async ({ request, user, params }) => {
  const { fileName, body } = await openSpaceExport(userActor(user), params.spaceId, localeFor(request, user), timeZoneOf(user));
  return new Response(body, {
    headers: {
      'content-type': 'application/zip',
      'content-disposition': contentDisposition('attachment', fileName, 'space-export.zip'),
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
});
