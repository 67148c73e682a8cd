import { userActor } from '@/lib/auth/actor';
import { deleteAnnouncement, pinAnnouncement } from '@/lib/feed/announcements';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';

export const dynamic = 'force-dynamic';

type Params = { announcementId: string };

/** `{ pinned }`: pins the announcement above the feed or takes it down (leads). */
export const PATCH = apiRoute<Params>(async ({ request, user, params }) => {
  const body = await readJsonBody(request);
  return { announcement: await pinAnnouncement(userActor(user), params.announcementId, { pinned: body.pinned }) };
});

export const DELETE = apiRoute<Params>(async ({ user, params }) => {
  await deleteAnnouncement(userActor(user), params.announcementId);
  return new Response(null, { status: 204 });
});
