import { userActor } from '@/lib/auth/actor';
import { acknowledgeAnnouncement } from '@/lib/feed/announcements';
import { apiRoute } from '@/lib/http/api-route';

export const dynamic = 'force-dynamic';

/** 确认已读: the caller acknowledges the announcement (again is harmless). */
export const POST = apiRoute<{ announcementId: string }>(async ({ user, params }) => {
  await acknowledgeAnnouncement(userActor(user), params.announcementId);
  return new Response(null, { status: 204 });
});
