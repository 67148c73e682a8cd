import { userActor } from '@/lib/auth/actor';
import { previewOf } from '@/lib/files/previews';
import { apiRoute } from '@/lib/http/api-route';

export const dynamic = 'force-dynamic';

/** The preview of a version (`version`, the newest by default): sanitised HTML, text, sheets, or "embed the file". */
export const GET = apiRoute<{ fileId: string }>(async ({ request, user, params }) => {
  const { version, preview } = await previewOf(userActor(user), params.fileId, new URL(request.url).searchParams.get('version'));
  return { versionId: version.id, kind: version.kind, preview };
});
