import { Activity, BellOff, Bell } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AnnouncementCard } from '@/components/feed/announcement-card';
import { AnnouncementForm } from '@/components/feed/announcement-form';
import { FeedList } from '@/components/feed/feed-list';
import { RefreshOnEvents } from '@/components/realtime/refresh-on-events';
import { ActionButton } from '@/components/ui/action-button';
import { EmptyState } from '@/components/ui/empty-state';
import { userActor } from '@/lib/auth/actor';
import { postAnnouncementAction } from '@/lib/feed/actions';
import { listAnnouncements } from '@/lib/feed/announcements';
import { listFeed } from '@/lib/feed/queries';
import { FEED_GROUP_NAMES } from '@/lib/feed/rules';
import { feedListSchema } from '@/lib/feed/schema';
import { setSpaceMutedAction } from '@/lib/notify/actions';
import { isSpaceMuted } from '@/lib/notify/queries';
import { timeZoneOf } from '@/lib/org/time-zone';
import { getSpacePageData } from '@/lib/spaces/page-data';

interface FeedPageProps {
  params: Promise<{ spaceId: string }>;
  searchParams: Promise<{ group?: string; actorId?: string; before?: string }>;
}

export async function generateMetadata({ params }: FeedPageProps): Promise<Metadata> {
  const [{ space }, t] = await Promise.all([getSpacePageData((await params).spaceId), getTranslations('feed')]);
  return { title: `${t('feed')} · ${space.name}` };
}

/** 动态: announcements to acknowledge, then what happened in the space, newest first, live. */
export default async function FeedPage({ params, searchParams }: FeedPageProps) {
  const { spaceId } = await params;
  const query = await searchParams;
  const [{ user, space, members, allowed }, t] = await Promise.all([getSpacePageData(spaceId), getTranslations('feed')]);
  const actor = userActor(user);
  const parsed = feedListSchema.safeParse(query);
  const [feed, announcements, muted] = await Promise.all([
    listFeed(actor, space.id, parsed.success ? query : {}),
    listAnnouncements(actor, space.id),
    isSpaceMuted(user.id, space.id),
  ]);
  const { filters } = feed;
  const timeZone = timeZoneOf(user);
  const path = `/spaces/${space.id}/feed`;
  const link = (patch: Record<string, string | undefined>) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ group: filters.group, actorId: filters.actorId, ...patch })) if (value) params.set(key, value);
    return `${path}${params.size ? `?${params}` : ''}`;
  };
  const isMember = members.some((m) => m.userId === user.id);
  const active = space.status === 'active';
  const canAnnounce = allowed.has('feed.announce');
  const chip = (selected: boolean) => `min-h-9 rounded-full px-3 py-1.5 text-sm ${selected ? 'bg-brand-600 text-white' : 'border border-slate-300 bg-white text-slate-700 hover:bg-slate-50'}`;
  const filtered = Boolean(filters.group || filters.actorId);

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <RefreshOnEvents types={['task.changed', 'file.changed', 'meeting.changed', 'announcement.changed']} viewerId={user.id} />
      <section aria-labelledby="feed-title" className="order-2 min-w-0 space-y-3 lg:order-1">
        <div className="flex flex-wrap items-center gap-2">
          <h2 id="feed-title" className="mr-auto text-lg font-semibold text-slate-900">{t('title')}</h2>
          {isMember && (
            <ActionButton
              action={setSpaceMutedAction} fields={{ spaceId: space.id, muted: String(!muted) }}
              label={muted ? t('unmute') : t('mute')} ariaLabel={muted ? t('unmute') : t('mute')}
            />
          )}
        </div>
        {muted && <p className="flex items-center gap-2 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700"><BellOff className="size-4" aria-hidden="true" />{t('muted')}</p>}
        <nav aria-label={t('filter')} className="-mx-1 flex gap-2 overflow-x-auto px-1 pb-1">
          <Link href={link({ group: undefined, before: undefined })} className={`shrink-0 ${chip(!filters.group)}`} aria-current={!filters.group ? 'page' : undefined}>{t('allKinds')}</Link>
          {FEED_GROUP_NAMES.map((group) => (
            <Link key={group} href={link({ group, before: undefined })} className={`shrink-0 ${chip(filters.group === group)}`} aria-current={filters.group === group ? 'page' : undefined}>
              {t(`groups.${group}`)}
            </Link>
          ))}
        </nav>
        <form action={path} className="flex gap-2">
          {filters.group && <input type="hidden" name="group" value={filters.group} />}
          <select name="actorId" defaultValue={filters.actorId ?? ''} aria-label={t('filterPerson')} className="min-h-10 min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 text-sm sm:flex-none">
            <option value="">{t('everyone')}</option>
            {members.map((m) => <option key={m.userId} value={m.userId}>{m.name}</option>)}
          </select>
          <button type="submit" className="min-h-10 rounded-md border border-slate-300 bg-white px-4 text-sm hover:bg-slate-50">{t('filterPerson')}</button>
        </form>
        {feed.items.length === 0 ? (
          <EmptyState icon={<Activity className="size-8" aria-hidden="true" />} title={filtered ? t('emptyFiltered') : t('empty')}>
            {!filtered && t('emptyHint')}
          </EmptyState>
        ) : (
          <FeedList spaceId={space.id} items={feed.items} timeZone={timeZone} />
        )}
        <nav className="flex justify-between text-sm">
          {filters.before ? <Link href={link({ before: undefined })} className="text-brand-700">{t('newest')}</Link> : <span />}
          {feed.next && <Link href={link({ before: feed.next })} className="text-brand-700" data-testid="feed-older">{t('older')}</Link>}
        </nav>
      </section>

      <section aria-labelledby="announcements-title" className="order-1 space-y-3 lg:order-2">
        <h2 id="announcements-title" className="flex items-center gap-2 text-lg font-semibold text-slate-900"><Bell className="size-5" aria-hidden="true" />{t('announcements')}</h2>
        {canAnnounce && (
          <details className="rounded-lg border border-slate-200 bg-white p-4" open={announcements.length === 0}>
            <summary className="cursor-pointer text-sm font-medium text-brand-700">{t('postAnnouncement')}</summary>
            <div className="mt-3"><AnnouncementForm spaceId={space.id} action={postAnnouncementAction} /></div>
          </details>
        )}
        {announcements.length === 0 ? (
          <p className="text-sm text-slate-500">{t('noAnnouncements')}</p>
        ) : (
          announcements.map((a) => (
            <AnnouncementCard key={a.id} announcement={a} viewerId={user.id} canManage={canAnnounce} canAcknowledge={isMember && active} timeZone={timeZone} />
          ))
        )}
      </section>
    </div>
  );
}
