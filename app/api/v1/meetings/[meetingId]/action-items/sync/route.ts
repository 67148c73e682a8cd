import { userActor } from '@/lib/auth/actor';
import { syncActionItems } from '@/lib/meetings/action-items';
import { apiRoute } from '@/lib/http/api-route';

export const dynamic = 'force-dynamic';

/** Makes every action item not yet synced a task of the space; `created` says how many. */
export const POST = apiRoute<{ meetingId: string }>(async ({ user, params }) => ({ created: await syncActionItems(userActor(user), params.meetingId) }));
