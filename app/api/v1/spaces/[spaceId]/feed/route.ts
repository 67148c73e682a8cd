import { userActor } from '@/lib/auth/actor';
import { feedHref, feedLineText } from '@/lib/feed/lines';
import { listFeed } from '@/lib/feed/queries';
import { apiRoute, localeFor } from '@/lib/http/api-route';
import { translatorFor } from '@/lib/i18n/messages';

export const dynamic = 'force-dynamic';

/** The space's feed, newest first (`group`, `actorId`, `before` = the previous page's `next`); each line in the caller's language. */
export const GET = apiRoute<{ spaceId: string }>(async ({ request, user, params }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const { items, next } = await listFeed(userActor(user), params.spaceId, query);
  const t = translatorFor(localeFor(request, user));
  return {
    items: items.map((item) => {
      const line = feedLineText(item, t('feed.someone'));
      return { ...item, text: t(`feed.lines.${line.key}`, line.values), href: feedHref(params.spaceId, item) };
    }),
    next,
  };
});
