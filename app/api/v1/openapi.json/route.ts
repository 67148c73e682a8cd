import { buildOpenApiDocument } from '@/lib/api/openapi';
import { appVersion } from '@/lib/version';

// The API's description is public: it tells how to call the API, not anything behind it.
export const dynamic = 'force-static';

export function GET() {
  return Response.json(buildOpenApiDocument(appVersion));
}
