import { userActor } from '@/lib/auth/actor';
import { listAnnouncements, postAnnouncement } from '@/lib/feed/announcements';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';

export const dynamic = 'force-dynamic';

type Params = { spaceId: string };

/** The space's announcements, pinned first, each with how many members acknowledged it. */
export const GET = apiRoute<Params>(async ({ user, params }) => {
  return { announcements: await listAnnouncements(userActor(user), params.spaceId) };
});

/** Posts an announcement (`title`, `body`, `pinned`): leads only; every member is notified. */
export const POST = apiRoute<Params>(async ({ request, user, params }) => {
  const announcement = await postAnnouncement(userActor(user), params.spaceId, await readJsonBody(request));
  return Response.json({ announcement }, { status: 201 });
});
