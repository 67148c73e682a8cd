import { listSchemas } from '@/lib/scim/discovery';
import { scimResponse, scimRoute } from '@/lib/scim/http';
import { listResponse } from '@/lib/scim/list';

export const dynamic = 'force-dynamic';

export const GET = scimRoute(async () => {
  const schemas = listSchemas();
  return scimResponse(listResponse(schemas, schemas.length, 1));
});
