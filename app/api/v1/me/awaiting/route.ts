import { userActor } from '@/lib/auth/actor';
import { listMyAwaiting } from '@/lib/comments/queries';
import { apiRoute } from '@/lib/http/api-route';

export const dynamic = 'force-dynamic';

/** 待回复: comments waiting for the caller's answer across their active spaces, overdue first. */
export const GET = apiRoute(async ({ user }) => ({ awaiting: await listMyAwaiting(userActor(user), new Date()) }));
