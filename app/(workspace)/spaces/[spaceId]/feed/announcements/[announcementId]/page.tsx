import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { userActor } from '@/lib/auth/actor';
import { announcementReaders } from '@/lib/feed/announcements';
import { loadOrNotFound } from '@/lib/http/page-data';
import { timeZoneOf } from '@/lib/org/time-zone';
import { getSpacePageData } from '@/lib/spaces/page-data';

interface ReadersPageProps {
  params: Promise<{ spaceId: string; announcementId: string }>;
}

export async function generateMetadata({ params }: ReadersPageProps): Promise<Metadata> {
  const [{ space }, t] = await Promise.all([getSpacePageData((await params).spaceId), getTranslations('feed')]);
  return { title: `${t('readers')} · ${space.name}` };
}

/** Who has acknowledged an announcement and who has not yet: for the leads and its author to follow up. */
export default async function AnnouncementReadersPage({ params }: ReadersPageProps) {
  const { spaceId, announcementId } = await params;
  const [{ user, space }, t, format] = await Promise.all([getSpacePageData(spaceId), getTranslations('feed'), getFormatter()]);
  const readers = await loadOrNotFound(() => announcementReaders(userActor(user), announcementId));
  const timeZone = timeZoneOf(user);
  return (
    <div className="max-w-2xl space-y-4">
      <Link href={`/spaces/${space.id}/feed#announcement-${announcementId}`} className="text-sm text-brand-700">← {t('feed')}</Link>
      <h2 className="text-lg font-semibold text-slate-900">{t('readers')}</h2>
      <section aria-labelledby="pending-title" className="rounded-lg border border-slate-200 bg-white p-4">
        <h3 id="pending-title" className="font-medium text-amber-800">{t('pending', { count: readers.pending.length })}</h3>
        {readers.pending.length === 0 ? <p className="mt-2 text-sm text-green-700">{t('allAcknowledged')}</p> : (
          <ul className="mt-2 flex flex-wrap gap-2" data-testid="ack-pending">
            {readers.pending.map((p) => <li key={p.id} className="rounded-full bg-amber-50 px-3 py-1 text-sm text-amber-900">{p.name}</li>)}
          </ul>
        )}
      </section>
      <section aria-labelledby="done-title" className="rounded-lg border border-slate-200 bg-white p-4">
        <h3 id="done-title" className="font-medium text-green-800">{t('done', { count: readers.acknowledged.length })}</h3>
        <ul className="mt-2 divide-y divide-slate-100" data-testid="ack-done">
          {readers.acknowledged.map((p) => (
            <li key={p.id} className="flex justify-between py-2 text-sm">
              <span className="text-slate-900">{p.name}</span>
              <time dateTime={p.at.toISOString()} className="text-slate-500">{format.dateTime(p.at, { timeZone, dateStyle: 'medium', timeStyle: 'short' })}</time>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
