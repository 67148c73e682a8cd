import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';
import { getMeeting, listMeetings } from '@/lib/meetings/queries';
import { toMeetingListItem, toMeetingResource } from '@/lib/meetings/resources';
import { createMeeting } from '@/lib/meetings/service';

export const dynamic = 'force-dynamic';

type Params = { spaceId: string };

/** The space's meetings: `q` (part of the topic), `attendeeId`, `when` (upcoming, past, all), `page`. */
export const GET = apiRoute<Params>(async ({ request, user, params }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const { rows, hasMore } = await listMeetings(userActor(user), params.spaceId, query);
  return { data: rows.map(toMeetingListItem), hasMore };
});

export const POST = apiRoute<Params>(async ({ request, user, params }) => {
  const actor = userActor(user);
  const meeting = await createMeeting(actor, params.spaceId, await readJsonBody(request));
  return Response.json({ meeting: toMeetingResource(await getMeeting(actor, meeting.id)) }, { status: 201 });
});
