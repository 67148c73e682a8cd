import { userActor } from '@/lib/auth/actor';
import { apiRoute, localeFor } from '@/lib/http/api-route';
import { translatorFor } from '@/lib/i18n/messages';
import { timeZoneOf } from '@/lib/org/time-zone';
import { searchEverything } from '@/lib/search/global';

export const dynamic = 'force-dynamic';

/** Global search: pages, tasks, files and messages the caller may see, title hits first, then newest. */
export const GET = apiRoute(async ({ request, user }) =>
  searchEverything(userActor(user), Object.fromEntries(new URL(request.url).searchParams), {
    timeZone: timeZoneOf(user),
    everyone: translatorFor(localeFor(request, user))('chat.mentionAll'),
  }));
