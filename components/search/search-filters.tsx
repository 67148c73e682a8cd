import { SlidersHorizontal } from 'lucide-react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

interface SearchFiltersProps {
  params: Partial<Record<'spaceId' | 'tagId' | 'from' | 'to', string>>;
  spaces: { id: string; name: string }[];
  tags: { id: string; name: string }[];
  clearHref: string;
}

const field = 'min-h-10 w-full rounded-md border border-slate-300 bg-white px-2 text-base sm:text-sm';

/** The search page's filters (space, knowledge tag, day of last change), folded away until used. */
export async function SearchFilters({ params, spaces, tags, clearHref }: SearchFiltersProps) {
  const t = await getTranslations('search');
  const active = Boolean(params.spaceId || params.tagId || params.from || params.to);
  return (
    <details open={active} className="rounded-md border border-slate-200 bg-white" data-testid="search-filters">
      <summary className="flex min-h-10 cursor-pointer items-center gap-2 px-3 text-sm font-medium text-slate-700">
        <SlidersHorizontal className="size-4" aria-hidden="true" />{t('filters')}
      </summary>
      <div className="grid gap-3 border-t border-slate-200 p-3 sm:grid-cols-2">
        <label className="space-y-1 text-sm text-slate-700">
          <span>{t('space')}</span>
          <select name="spaceId" defaultValue={params.spaceId ?? ''} className={field}>
            <option value="">{t('anySpace')}</option>
            {spaces.map((space) => <option key={space.id} value={space.id}>{space.name}</option>)}
          </select>
        </label>
        <label className="space-y-1 text-sm text-slate-700">
          <span>{t('tag')}</span>
          <select name="tagId" defaultValue={params.tagId ?? ''} className={field}>
            <option value="">{t('anyTag')}</option>
            {tags.map((tag) => <option key={tag.id} value={tag.id}>{tag.name}</option>)}
          </select>
        </label>
        <label className="space-y-1 text-sm text-slate-700">
          <span>{t('from')}</span>
          <input type="date" name="from" defaultValue={params.from ?? ''} className={field} />
        </label>
        <label className="space-y-1 text-sm text-slate-700">
          <span>{t('to')}</span>
          <input type="date" name="to" defaultValue={params.to ?? ''} className={field} />
        </label>
        <div className="flex items-center gap-3 sm:col-span-2">
          <button type="submit" className="min-h-10 rounded-md border border-slate-300 px-3 text-sm font-medium text-slate-800 hover:bg-slate-50">{t('apply')}</button>
          {active && <Link href={clearHref} className="text-sm text-brand-700 underline">{t('clear')}</Link>}
        </div>
      </div>
    </details>
  );
}
