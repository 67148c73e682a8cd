import { userActor } from '@/lib/auth/actor';
import { starredFiles } from '@/lib/files/queries';
import { apiRoute } from '@/lib/http/api-route';

export const dynamic = 'force-dynamic';

/** The caller's starred files across their spaces. */
export const GET = apiRoute(async ({ user }) => ({ files: await starredFiles(userActor(user)) }));
