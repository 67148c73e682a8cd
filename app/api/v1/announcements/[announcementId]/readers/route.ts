import { userActor } from '@/lib/auth/actor';
import { announcementReaders } from '@/lib/feed/announcements';
import { apiRoute } from '@/lib/http/api-route';

export const dynamic = 'force-dynamic';

/** Who has acknowledged the announcement and who has not yet (leads and its author). */
export const GET = apiRoute<{ announcementId: string }>(async ({ user, params }) => announcementReaders(userActor(user), params.announcementId));
