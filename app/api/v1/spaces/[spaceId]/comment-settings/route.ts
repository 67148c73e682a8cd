import { userActor } from '@/lib/auth/actor';
import { getCommentSettings, updateCommentSettings } from '@/lib/comments/settings';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/json-body';

export const dynamic = 'force-dynamic';

type Params = { spaceId: string };

/** The space's response rule: hours a comment may wait, and whether only working hours count. */
export const GET = apiRoute<Params>(async ({ user, params }) => ({ settings: await getCommentSettings(userActor(user), params.spaceId) }));

/** `{ responseHours, workingHoursOnly }` (space admins); applies to comments written from now on. */
export const PUT = apiRoute<Params>(async ({ request, user, params }) => ({
  settings: await updateCommentSettings(userActor(user), params.spaceId, await readJsonBody(request)),
}));
