import { listResourceTypes } from '@/lib/scim/discovery';
import { scimResponse, scimRoute } from '@/lib/scim/http';
import { listResponse } from '@/lib/scim/list';

export const dynamic = 'force-dynamic';

export const GET = scimRoute(async () => {
  const types = listResourceTypes();
  return scimResponse(listResponse(types, types.length, 1));
});
