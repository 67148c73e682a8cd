import { findSchema } from '@/lib/scim/discovery';
import { scimNotFound } from '@/lib/scim/errors';
import { scimResponse, scimRoute } from '@/lib/scim/http';

export const dynamic = 'force-dynamic';

export const GET = scimRoute<{ schemaId: string }>(async ({ params }) => {
  const schema = findSchema(params.schemaId);
  if (!schema) throw scimNotFound();
  return scimResponse(schema);
});
