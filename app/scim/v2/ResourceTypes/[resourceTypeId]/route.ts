import { findResourceType } from '@/lib/scim/discovery';
import { scimNotFound } from '@/lib/scim/errors';
import { scimResponse, scimRoute } from '@/lib/scim/http';

export const dynamic = 'force-dynamic';

export const GET = scimRoute<{ resourceTypeId: string }>(async ({ params }) => {
  const type = findResourceType(params.resourceTypeId);
  if (!type) throw scimNotFound();
  return scimResponse(type);
});
