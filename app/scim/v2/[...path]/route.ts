import { scimNotFound } from '@/lib/scim/errors';
import { scimRoute } from '@/lib/scim/http';

export const dynamic = 'force-dynamic';

// Endpoints we do not offer (/Bulk, /Me): a SCIM 404 after the token check, not an HTML page.
const notFound = scimRoute(async () => {
  throw scimNotFound('No such SCIM endpoint');
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
