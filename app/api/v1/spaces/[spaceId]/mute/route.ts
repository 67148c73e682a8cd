import { userActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';
import { muteSchema } from '@/lib/notify/schema';
import { setSpaceMuted } from '@/lib/notify/service';
import { parseInput } from '@/lib/validation';

export const dynamic = 'force-dynamic';

/** `{ muted }`: mutes the space for the caller (nothing of it reaches their notifications) or unmutes it. */
export const PUT = apiRoute<{ spaceId: string }>(async ({ request, user, params }) => {
  const { muted } = parseInput(muteSchema, await readJsonBody(request));
  await setSpaceMuted(userActor(user), params.spaceId, muted);
  return { muted };
});
