import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';
import { deleteMeetingNote, markMeetingNoteDecision } from '@/lib/meetings/notes';

export const dynamic = 'force-dynamic';

type Params = { noteId: string };

/** `{ isDecision }`: marks a note as a decision (published to the space's activity) or takes the mark off. */
export const PATCH = apiRoute<Params>(async ({ request, user, params }) => {
  const body = await readJsonBody(request);
  return { note: await markMeetingNoteDecision(userActor(user), params.noteId, body.isDecision) };
});

export const DELETE = apiRoute<Params>(async ({ user, params }) => {
  await deleteMeetingNote(userActor(user), params.noteId);
  return new Response(null, { status: 204 });
});
