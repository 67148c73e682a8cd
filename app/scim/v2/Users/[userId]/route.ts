import { readScimBody, scimResponse, scimRoute } from '@/lib/scim/http';
import { parseListQuery, projectResource } from '@/lib/scim/list';
import { deleteScimUser, getScimUser, patchScimUser, replaceScimUser } from '@/lib/scim/users';
import type { ScimUser } from '@/lib/scim/user-resource';

export const dynamic = 'force-dynamic';

type Params = { userId: string };

const answer = (user: ScimUser, request: Request) =>
  scimResponse(projectResource(user, parseListQuery(new URL(request.url))), { location: user.meta.location, etag: user.meta.version });

export const GET = scimRoute<Params>(async ({ request, client, params }) => answer(await getScimUser(client, params.userId), request));

export const PUT = scimRoute<Params>(async ({ request, client, params }) =>
  answer(await replaceScimUser(client, params.userId, await readScimBody(request)), request));

export const PATCH = scimRoute<Params>(async ({ request, client, params }) =>
  answer(await patchScimUser(client, params.userId, await readScimBody(request)), request));

export const DELETE = scimRoute<Params>(async ({ client, params }) => {
  await deleteScimUser(client, params.userId);
  return new Response(null, { status: 204 });
});
