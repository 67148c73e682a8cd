import { readScimBody, scimResponse, scimRoute } from '@/lib/scim/http';
import { parseListQuery } from '@/lib/scim/list';
import { createScimUser, listScimUsers } from '@/lib/scim/users';

export const dynamic = 'force-dynamic';

export const GET = scimRoute(async ({ request, client }) =>
  scimResponse(await listScimUsers(client, parseListQuery(new URL(request.url)))));

export const POST = scimRoute(async ({ request, client }) => {
  const user = await createScimUser(client, await readScimBody(request));
  return scimResponse(user, { status: 201, location: user.meta.location, etag: user.meta.version });
});
