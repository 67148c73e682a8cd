import { NotFound } from '@/lib/errors';
import { apiRoute } from '@/lib/http/api-route';

export const dynamic = 'force-dynamic';

// Unknown API paths: 401 before sign-in, then a JSON 404 rather than an HTML page.
const notFound = apiRoute(async () => {
  throw NotFound();
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
