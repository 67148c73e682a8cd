import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';
import { addMeetingNote } from '@/lib/meetings/notes';

export const dynamic = 'force-dynamic';

/** Adds a note (`body`, `isDecision`); everyone on the meeting page sees it through the space's event stream. */
export const POST = apiRoute<{ meetingId: string }>(async ({ request, user, params }) => {
  const note = await addMeetingNote(userActor(user), params.meetingId, await readJsonBody(request));
  return Response.json({ note }, { status: 201 });
});
