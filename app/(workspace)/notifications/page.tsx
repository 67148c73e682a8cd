import { BellRing } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/ui/action-button';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { userActor } from '@/lib/auth/actor';
import { requireUser } from '@/lib/auth/session';
import { markAllNotificationsReadAction } from '@/lib/notify/actions';
import { localeOrDefault } from '@/lib/i18n/config';
import { notificationSentence } from '@/lib/notify/lines';
import { countUnreadNotifications, listNotifications } from '@/lib/notify/queries';
import { NOTIFICATION_FILTERS } from '@/lib/notify/rules';
import { notificationListSchema } from '@/lib/notify/schema';
import { timeZoneOf } from '@/lib/org/time-zone';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notifications');
  return { title: t('title') };
}

interface NotificationsPageProps {
  searchParams: Promise<{ filter?: string; page?: string }>;
}

/** 通知中心: one's notifications, newest first; opening one reads it and goes to what it is about. */
export default async function NotificationsPage({ searchParams }: NotificationsPageProps) {
  const query = await searchParams;
  const user = await requireUser('/notifications');
  const [t, format] = await Promise.all([getTranslations('notifications'), getFormatter()]);
  const parsed = notificationListSchema.safeParse(query);
  const [{ rows, hasMore, filters }, unread] = await Promise.all([
    listNotifications(userActor(user), parsed.success ? query : {}),
    countUnreadNotifications(user.id),
  ]);
  const timeZone = timeZoneOf(user);
  const reader = { locale: localeOrDefault(await getLocale()), timeZone };
  const link = (patch: { filter?: string; page?: number }) => {
    const params = new URLSearchParams();
    const filter = patch.filter ?? filters.filter;
    if (filter !== 'all') params.set('filter', filter);
    if (patch.page && patch.page > 1) params.set('page', String(patch.page));
    return `/notifications${params.size ? `?${params}` : ''}`;
  };
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="mr-auto text-xl font-semibold text-slate-900">{t('title')}</h1>
        {unread > 0 && <ActionButton action={markAllNotificationsReadAction} fields={{}} label={t('markAllRead')} />}
      </div>
      <nav aria-label={t('title')} className="flex gap-2">
        {NOTIFICATION_FILTERS.map((filter) => (
          <Link key={filter} href={link({ filter })} aria-current={filters.filter === filter ? 'page' : undefined}
            className={`min-h-9 rounded-full px-4 py-1.5 text-sm ${filters.filter === filter ? 'bg-brand-600 text-white' : 'border border-slate-300 bg-white text-slate-700 hover:bg-slate-50'}`}>
            {t(`filters.${filter}`)}{filter === 'unread' && unread > 0 ? ` ${unread}` : ''}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <EmptyState icon={<BellRing className="size-8" aria-hidden="true" />} title={filters.filter === 'unread' ? t('emptyUnread') : t('empty')}>
          {filters.filter === 'all' && t('emptyHint')}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="notification-list">
          {rows.map((row) => (
            <li key={row.id}>
              {/* A plain link: opening it marks the notification read, so it must not be prefetched. */}
              <a href={`/notifications/${row.id}`} className={`flex w-full gap-3 px-4 py-3 text-left hover:bg-slate-50 ${row.readAt ? '' : 'bg-brand-50/40'}`} data-unread={row.readAt ? undefined : 'true'}>
                <span aria-hidden="true" className={`mt-1.5 size-2 shrink-0 rounded-full ${row.readAt ? 'bg-transparent' : 'bg-red-600'}`} />
                <span className="min-w-0 flex-1">
                  <span className="block text-sm break-words text-slate-900">
                    {!row.readAt && <span className="sr-only">{t('unread')}：</span>}
                    {notificationSentence(row, reader)}
                  </span>
                  <span className="mt-0.5 block text-xs text-slate-500">
                    {row.important && <span className="mr-2 rounded bg-amber-100 px-1 text-amber-800">{t('important')}</span>}
                    {row.spaceName && `${t('inSpace', { space: row.spaceName })} · `}
                    <time dateTime={row.createdAt.toISOString()}>{format.dateTime(row.createdAt, { timeZone, dateStyle: 'medium', timeStyle: 'short' })}</time>
                  </span>
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={filters.page} hasNext={hasMore} href={(p) => link({ page: p })} />
    </div>
  );
}
