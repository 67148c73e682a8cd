import { apiRoute } from '@/lib/http/api-route';
import { openNotificationStream } from '@/lib/notify/stream';
import { SSE_HEADERS } from '@/lib/realtime/space-stream';

export const dynamic = 'force-dynamic';

/** The caller's notification stream (text/event-stream): `unread` events with the current count. */
export const GET = apiRoute(async ({ request, user }) =>
  new Response(await openNotificationStream(user.id, request.signal), { headers: SSE_HEADERS }));
