import { deleteScimGroup, getScimGroup, patchScimGroup, replaceScimGroup } from '@/lib/scim/groups';
import type { ScimGroup } from '@/lib/scim/group-resource';
import { readScimBody, scimResponse, scimRoute } from '@/lib/scim/http';
import { parseListQuery, projectResource } from '@/lib/scim/list';

export const dynamic = 'force-dynamic';

type Params = { groupId: string };

const answer = (group: ScimGroup, request: Request) =>
  scimResponse(projectResource(group, parseListQuery(new URL(request.url))), { location: group.meta.location, etag: group.meta.version });

export const GET = scimRoute<Params>(async ({ request, client, params }) => answer(await getScimGroup(client, params.groupId), request));

export const PUT = scimRoute<Params>(async ({ request, client, params }) =>
  answer(await replaceScimGroup(client, params.groupId, await readScimBody(request)), request));

export const PATCH = scimRoute<Params>(async ({ request, client, params }) =>
  answer(await patchScimGroup(client, params.groupId, await readScimBody(request)), request));

export const DELETE = scimRoute<Params>(async ({ client, params }) => {
  await deleteScimGroup(client, params.groupId);
  return new Response(null, { status: 204 });
});
