import { userActor } from '@/lib/auth/actor';
import { addActionItem } from '@/lib/meetings/action-items';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';

export const dynamic = 'force-dynamic';

export const POST = apiRoute<{ meetingId: string }>(async ({ request, user, params }) => {
  const item = await addActionItem(userActor(user), params.meetingId, await readJsonBody(request));
  return Response.json({ actionItem: item }, { status: 201 });
});
