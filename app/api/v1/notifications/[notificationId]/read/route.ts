import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { markNotificationRead } from '@/lib/notify/service';

export const dynamic = 'force-dynamic';

/** Marks one of the caller's notifications read. */
export const POST = apiRoute<{ notificationId: string }>(async ({ user, params }) => {
  await markNotificationRead(userActor(user), params.notificationId);
  return new Response(null, { status: 204 });
});
