import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { countUnreadNotifications, listNotifications } from '@/lib/notify/queries';

export const dynamic = 'force-dynamic';

/** The caller's notifications, newest first (`filter` = all | unread | important, `page`), and the unread count. */
export const GET = apiRoute(async ({ request, user }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const { rows, hasMore } = await listNotifications(userActor(user), query);
  return { notifications: rows, hasMore, unread: await countUnreadNotifications(user.id) };
});
