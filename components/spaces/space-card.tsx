import { Archive, Users } from 'lucide-react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Space } from '@/db/schema';
import { coverColorClass } from './cover-color';

interface SpaceCardProps {
  space: Pick<Space, 'id' | 'name' | 'goal' | 'coverColor' | 'status' | 'startDate' | 'endDate'>;
  departments: { id: string; name: string }[];
  memberCount: number;
  myRole: string | null;
}

/** One space in a list: colour, name, state, dates, departments and size. */
export async function SpaceCard({ space, departments, memberCount, myRole }: SpaceCardProps) {
  const t = await getTranslations('spaces');
  return (
    <Link href={`/spaces/${space.id}`} className="flex h-full overflow-hidden rounded-lg border border-slate-200 bg-white hover:border-brand-600 focus-visible:border-brand-600">
      <span aria-hidden="true" className={`w-1.5 shrink-0 ${coverColorClass(space.coverColor)}`} />
      <span className="min-w-0 flex-1 p-4">
        <span className="flex items-start justify-between gap-2">
          <span className="font-semibold text-slate-900">{space.name}</span>
          {space.status === 'archived' && (
            <span className="inline-flex shrink-0 items-center gap-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
              <Archive className="size-3" aria-hidden="true" />
              {t('statusArchived')}
            </span>
          )}
        </span>
        <span className="mt-1 line-clamp-2 block text-sm text-slate-600">{space.goal}</span>
        <span className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
          <span>{t('dateRange', { start: space.startDate, end: space.endDate })}</span>
          <span className="inline-flex items-center gap-1">
            <Users className="size-3" aria-hidden="true" />
            {t('memberCount', { count: memberCount })}
          </span>
          {myRole && <span>{t('myRole', { role: t(`roles.${myRole as 'owner'}`) })}</span>}
        </span>
        {departments.length > 0 && <span className="mt-2 block truncate text-xs text-slate-500">{departments.map((d) => d.name).join(' · ')}</span>}
      </span>
    </Link>
  );
}
