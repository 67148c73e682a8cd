import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';
import { getMeeting } from '@/lib/meetings/queries';
import { toMeetingResource } from '@/lib/meetings/resources';
import { saveMinutes } from '@/lib/meetings/service';

export const dynamic = 'force-dynamic';

/** Saves the minutes (TipTap JSON or plain text), `nextMeeting` and `absentIds`. */
export const PUT = apiRoute<{ meetingId: string }>(async ({ request, user, params }) => {
  const actor = userActor(user);
  await saveMinutes(actor, params.meetingId, await readJsonBody(request));
  return { meeting: toMeetingResource(await getMeeting(actor, params.meetingId)) };
});
