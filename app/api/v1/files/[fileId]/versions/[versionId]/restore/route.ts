import { userActor } from '@/lib/auth/actor';
import { getFileDetails } from '@/lib/files/queries';
import { restoreVersion } from '@/lib/files/versions';
import { apiRoute } from '@/lib/http/api-route';

export const dynamic = 'force-dynamic';

/** 恢复此版本: the version becomes the newest again (as a new version). */
export const POST = apiRoute<{ fileId: string; versionId: string }>(async ({ user, params }) => {
  const actor = userActor(user);
  await restoreVersion(actor, params.fileId, params.versionId);
  return Response.json({ file: (await getFileDetails(actor, params.fileId)).file }, { status: 201 });
});
