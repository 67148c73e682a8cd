import { userActor } from '@/lib/auth/actor';
import { apiRoute, localeFor } from '@/lib/http/api-route';
import { fileDownload } from '@/lib/http/download';
import { timeZoneOf } from '@/lib/org/time-zone';
import { exportRetrospective } from '@/lib/retro/export';
import { retroExportQuerySchema } from '@/lib/retro/schema';
import { safeSegment } from '@/lib/export/entry-names';
import { parseInput } from '@/lib/validation';

export const dynamic = 'force-dynamic';

/** The retrospective as `format=docx` (default) or `format=pdf`, for whoever may see the space. */
export const GET = apiRoute<{ spaceId: string }>(async ({ request, user, params }) => {
  const { format } = parseInput(retroExportQuerySchema, { format: new URL(request.url).searchParams.get('format') ?? undefined });
  const file = await exportRetrospective(userActor(user), params.spaceId, format, localeFor(request, user), timeZoneOf(user));
  return fileDownload(file.bytes, { fileName: `${safeSegment(file.title)}.${format}`, fallbackName: `retrospective.${format}`, contentType: file.contentType });
});
