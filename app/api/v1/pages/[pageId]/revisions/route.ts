import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { listRevisions } from '@/lib/kb/queries';
import { toRevisionResource } from '@/lib/kb/resources';

export const dynamic = 'force-dynamic';

/** The page's saved versions, newest first. */
export const GET = apiRoute<{ pageId: string }>(async ({ user, params }) => ({
  data: (await listRevisions(userActor(user), params.pageId)).revisions.map(toRevisionResource),
}));
