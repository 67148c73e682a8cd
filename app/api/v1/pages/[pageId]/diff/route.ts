import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { diffRevisions } from '@/lib/kb/queries';

export const dynamic = 'force-dynamic';

/** What changed between versions `from` and `to`: parts of the title and the text, each same, added or removed. */
export const GET = apiRoute<{ pageId: string }>(({ request, user, params }) =>
  diffRevisions(userActor(user), params.pageId, Object.fromEntries(new URL(request.url).searchParams)));
