import { userActor } from '@/lib/auth/actor';
import { Invalid } from '@/lib/errors';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';
import { runAgendaItem } from '@/lib/meetings/agenda';
import { formText } from '@/lib/validation';

export const dynamic = 'force-dynamic';

/** `{ itemId, command: 'start' | 'stop' }`: one agenda item's timer runs at a time. */
export const POST = apiRoute<{ meetingId: string }>(async ({ request, user, params }) => {
  const body = await readJsonBody(request);
  if (body.command !== 'start' && body.command !== 'stop') throw Invalid({ command: ['invalid'] });
  await runAgendaItem(userActor(user), params.meetingId, formText(body.itemId), body.command);
  return new Response(null, { status: 204 });
});
