import { createScimGroup, listScimGroups } from '@/lib/scim/groups';
import { readScimBody, scimResponse, scimRoute } from '@/lib/scim/http';
import { parseListQuery } from '@/lib/scim/list';

export const dynamic = 'force-dynamic';

export const GET = scimRoute(async ({ request, client }) =>
  scimResponse(await listScimGroups(client, parseListQuery(new URL(request.url)))));

export const POST = scimRoute(async ({ request, client }) => {
  const group = await createScimGroup(client, await readScimBody(request));
  return scimResponse(group, { status: 201, location: group.meta.location, etag: group.meta.version });
});
