import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { spaceEventsResponse } from '@/lib/realtime/space-stream';

export const dynamic = 'force-dynamic';

/** The space's event stream (text/event-stream): messages, task changes, read receipts. */
export const GET = apiRoute<{ spaceId: string }>(async ({ request, user, params }) =>
  spaceEventsResponse(userActor(user), params.spaceId, request));
