import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';
import { getMeeting } from '@/lib/meetings/queries';
import { toMeetingResource } from '@/lib/meetings/resources';
import { updateMeeting } from '@/lib/meetings/service';

export const dynamic = 'force-dynamic';

type Params = { meetingId: string };

export const GET = apiRoute<Params>(async ({ user, params }) => ({ meeting: toMeetingResource(await getMeeting(userActor(user), params.meetingId)) }));

/** Changes what is sent; `agenda`, when sent, replaces the list (items sent with their id keep their timer). */
export const PATCH = apiRoute<Params>(async ({ request, user, params }) => {
  const actor = userActor(user);
  await updateMeeting(actor, params.meetingId, await readJsonBody(request));
  return { meeting: toMeetingResource(await getMeeting(actor, params.meetingId)) };
});
