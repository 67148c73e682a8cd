import { CalendarDays, Plus } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { RefreshOnEvents } from '@/components/realtime/refresh-on-events';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { userActor } from '@/lib/auth/actor';
import { listMeetings } from '@/lib/meetings/queries';
import { meetingListSchema } from '@/lib/meetings/schema';
import { timeZoneOf } from '@/lib/org/time-zone';
import { getSpacePageData } from '@/lib/spaces/page-data';

interface MeetingsPageProps {
  params: Promise<{ spaceId: string }>;
  searchParams: Promise<{ q?: string; attendeeId?: string; when?: string; page?: string }>;
}

export async function generateMetadata({ params }: MeetingsPageProps): Promise<Metadata> {
  const [{ space }, t] = await Promise.all([getSpacePageData((await params).spaceId), getTranslations('meetings')]);
  return { title: `${t('meetings')} · ${space.name}` };
}

/** The space's meetings, searchable by topic and attendee. */
export default async function MeetingsPage({ params, searchParams }: MeetingsPageProps) {
  const { spaceId } = await params;
  const query = await searchParams;
  const [{ user, space, allowed, members }, t, format] = await Promise.all([getSpacePageData(spaceId), getTranslations('meetings'), getFormatter()]);
  const parsed = meetingListSchema.safeParse(query);
  const { rows, hasMore, filters } = await listMeetings(userActor(user), space.id, parsed.success ? query : {});
  const path = `/spaces/${space.id}/meetings`;
  const timeZone = timeZoneOf(user);
  const link = (patch: Record<string, string | number | undefined>) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ q: filters.q, attendeeId: filters.attendeeId ?? undefined, when: filters.when, ...patch })) {
      if (value !== undefined && value !== '' && !(key === 'when' && value === 'all')) params.set(key, String(value));
    }
    return `${path}${params.size ? `?${params}` : ''}`;
  };
  const filtered = Boolean(filters.q || filters.attendeeId || filters.when !== 'all');
  return (
    <div className="space-y-4">
      <RefreshOnEvents types={['meeting.changed']} viewerId={user.id} />
      <div className="flex flex-wrap items-center gap-3">
        <nav aria-label={t('filter')} className="flex gap-2">
          {(['all', 'upcoming', 'past'] as const).map((when) => (
            <Link key={when} href={link({ when, page: undefined })} aria-current={filters.when === when ? 'page' : undefined}
              className={`min-h-9 rounded-full px-4 py-1.5 text-sm ${filters.when === when ? 'bg-brand-600 text-white' : 'border border-slate-300 bg-white text-slate-700 hover:bg-slate-50'}`}>
              {t(when)}
            </Link>
          ))}
        </nav>
        {allowed.has('meeting.schedule') && (
          <Link href={`${path}/new`} className="ml-auto inline-flex min-h-10 items-center gap-2 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">
            <Plus className="size-4" aria-hidden="true" />
            {t('newMeeting')}
          </Link>
        )}
      </div>
      <form role="search" action={path} className="flex flex-wrap gap-2">
        {filters.when !== 'all' && <input type="hidden" name="when" value={filters.when} />}
        <input type="search" name="q" defaultValue={filters.q ?? ''} aria-label={t('search')} placeholder={t('search')} className="min-h-10 min-w-0 flex-1 rounded-md border border-slate-300 px-3 text-sm" />
        <select name="attendeeId" defaultValue={filters.attendeeId ?? ''} aria-label={t('attendee')} className="min-h-10 rounded-md border border-slate-300 bg-white px-2 text-sm">
          <option value="">{t('anyone')}</option>
          {members.map((m) => <option key={m.userId} value={m.userId}>{m.name}</option>)}
        </select>
        <button type="submit" className="min-h-10 rounded-md border border-slate-300 bg-white px-4 text-sm hover:bg-slate-50">{t('filter')}</button>
      </form>
      {rows.length === 0 ? (
        <EmptyState icon={<CalendarDays className="size-8" aria-hidden="true" />} title={filtered ? t('noMatches') : t('noMeetings')}>
          {!filtered && t('noMeetingsHint')}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="meeting-list">
          {rows.map((row) => (
            <li key={row.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-3">
              <Link href={`${path}/${row.id}`} className={`w-full min-w-0 break-words font-medium hover:text-brand-700 hover:underline sm:w-auto sm:flex-1 ${row.status === 'cancelled' ? 'text-slate-500 line-through' : 'text-slate-900'}`}>
                {row.topic}
              </Link>
              {row.status === 'cancelled' && <span className="rounded bg-slate-100 px-2 text-xs text-slate-600">{t('cancelled')}</span>}
              <span className="text-sm text-slate-600">
                {format.dateTime(row.startsAt, { timeZone, dateStyle: 'medium', timeStyle: 'short' })} · {t('minutesUnit', { count: row.durationMinutes })}
              </span>
              <span className="w-full text-xs text-slate-500 sm:w-auto">
                {[row.place, row.organizerName && `${t('organizer')} ${row.organizerName}`, t('attendeeCount', { count: row.attendeeCount })].filter(Boolean).join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={filters.page} hasNext={hasMore} href={(p) => link({ page: p })} />
    </div>
  );
}
