import { apiRoute } from '@/lib/http/api-route';
import { toPublicUser } from '@/lib/org/public';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async ({ user }) => ({ user: toPublicUser(user) }));
