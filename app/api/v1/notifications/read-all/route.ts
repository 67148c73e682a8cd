import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { markAllNotificationsRead } from '@/lib/notify/service';

export const dynamic = 'force-dynamic';

/** Marks all the caller's notifications read; answers how many were unread. */
export const POST = apiRoute(async ({ user }) => ({ marked: await markAllNotificationsRead(userActor(user)) }));
