import { userActor } from '@/lib/auth/actor';
import { listSyncRuns } from '@/lib/directory/sync';
import { apiRoute } from '@/lib/http/api-route';

export const dynamic = 'force-dynamic';

/** The latest directory sync runs with their counts (org admins). */
export const GET = apiRoute(async ({ user }) => ({ runs: await listSyncRuns(userActor(user), user.organizationId) }));
