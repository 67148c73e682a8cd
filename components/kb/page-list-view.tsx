import { BookOpen, Search } from 'lucide-react';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { createPageAction } from '@/lib/kb/actions';
import type { getKbListData } from '@/lib/kb/page-data';
import { CreatePageForm } from './create-page-form';
import { PageTree } from './page-tree';
import { TagBadge } from './tag-badge';

type ListData = Awaited<ReturnType<typeof getKbListData>>;

/** A knowledge base's front page: search and tag filter, the tree of pages, the matches, a new page. */
export async function PageListView({ data, spaceId, intro }: { data: ListData; spaceId: string | null; intro: string }) {
  const [t, format] = await Promise.all([getTranslations('kb'), getFormatter()]);
  const { base, filters, filtered, pages, all, tagSets, rights, timeZone } = data;
  const tags = tagSets.flatMap((set) => set.tags.map((tag) => ({ ...tag, setName: set.name })));
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">{intro}</p>
      <form role="search" method="get" action={base} className="flex flex-wrap items-end gap-2" data-testid="kb-search">
        <label className="min-w-0 flex-1">
          <span className="mb-1 block text-sm font-medium text-slate-700">{t('search')}</span>
          <input
            type="search" name="q" defaultValue={filters.q ?? ''} placeholder={t('searchPlaceholder')} maxLength={100}
            className="block min-h-10 w-full rounded-md border border-slate-300 px-3 text-base shadow-sm focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none"
          />
        </label>
        <label className="w-full sm:w-48">
          <span className="mb-1 block text-sm font-medium text-slate-700">{t('tagFilter')}</span>
          <select name="tagId" defaultValue={filters.tagId ?? ''} className="block min-h-10 w-full rounded-md border border-slate-300 bg-white px-2 text-base">
            <option value="">{t('allTags')}</option>
            {tagSets.map((set) => (
              <optgroup key={set.id} label={set.name}>
                {set.tags.map((tag) => <option key={tag.id} value={tag.id}>{tag.name}</option>)}
              </optgroup>
            ))}
          </select>
        </label>
        <button type="submit" className="inline-flex min-h-10 items-center gap-1 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700">
          <Search className="size-4" aria-hidden="true" />{t('searchButton')}
        </button>
        {filtered && <Link href={base} className="inline-flex min-h-10 items-center px-2 text-sm text-brand-700 hover:underline">{t('clear')}</Link>}
      </form>

      <div className="grid gap-4 lg:grid-cols-[16rem_1fr]">
        <aside className="order-2 self-start lg:order-1">
          {all.length > 0 && (
            <div className="rounded-lg border border-slate-200 bg-white p-2">
              <h2 className="px-2 py-1 text-sm font-semibold text-slate-900">{t('tree')}</h2>
              <PageTree pages={all} base={base} label={t('tree')} />
            </div>
          )}
        </aside>
        <div className="order-1 space-y-4 lg:order-2">
          {filtered && <p className="text-sm text-slate-600" role="status">{pages.length ? t('resultCount', { count: pages.length }) : t('noResults')}</p>}
          {!filtered && all.length === 0 && (
            <EmptyState icon={<BookOpen className="size-8" aria-hidden="true" />} title={t('empty')}>{rights.edit ? t('emptyHint') : t('emptyReadOnly')}</EmptyState>
          )}
          {pages.length > 0 && (
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="kb-results">
              {pages.map((page) => (
                <li key={page.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3">
                  <Link href={`${base}/${page.id}`} className="min-w-0 font-medium break-words text-brand-700 hover:underline">{page.title}</Link>
                  <span className="flex flex-wrap gap-1">{page.tags.map((tag) => <TagBadge key={tag.id} tag={tag} />)}</span>
                  <span className="ml-auto text-xs text-slate-500">
                    {t('updated', { name: page.updatedByName ?? '—', time: format.dateTime(page.updatedAt, { timeZone, dateStyle: 'medium', timeStyle: 'short' }) })}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {rights.edit && <CreatePageForm action={createPageAction} spaceId={spaceId} parents={all.map(({ id, title }) => ({ id, title }))} />}
          {tags.length === 0 && rights.edit && <p className="text-xs text-slate-500">{t('noTagSets')}</p>}
        </div>
      </div>
    </div>
  );
}
