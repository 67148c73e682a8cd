import { Search } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { SearchHitList } from '@/components/search/search-hit-list';
import { SearchFilters } from '@/components/search/search-filters';
import { EmptyState } from '@/components/ui/empty-state';
import { userActor } from '@/lib/auth/actor';
import { requireUser } from '@/lib/auth/session';
import { isDomainError } from '@/lib/errors';
import { translateDomainError } from '@/lib/http/translate-error';
import { isLocale } from '@/lib/i18n/config';
import { timeZoneOf } from '@/lib/org/time-zone';
import { searchEverything, type GlobalSearchResult } from '@/lib/search/global';
import { searchFilterOptions } from '@/lib/search/queries';
import { SEARCH_TYPES } from '@/lib/search/schema';

type Params = Partial<Record<'q' | 'type' | 'spaceId' | 'tagId' | 'from' | 'to' | 'cursor', string>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('search'))('title') };
}

/** The link to this page with some parameters changed (a tab, the next page); empty ones are left out. */
function searchHref(params: Params, change: Params): string {
  const merged = { ...params, cursor: undefined, ...change };
  const query = new URLSearchParams(Object.entries(merged).filter((e): e is [string, string] => Boolean(e[1])));
  return `/search?${query}`;
}

/** Global search: a query box, type tabs with counts, filters, highlighted results and "more". */
export default async function SearchPage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requireUser('/search');
  const params = await searchParams;
  const q = params.q ?? '';
  const [t, tChat, locale, options] = await Promise.all([getTranslations('search'), getTranslations('chat'), getLocale(), searchFilterOptions(user)]);
  let result: GlobalSearchResult | null = null;
  let problem: string | null = null;
  if (q.trim()) {
    try {
      result = await searchEverything(userActor(user), params, { timeZone: timeZoneOf(user), everyone: tChat('mentionAll') });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const { message, fieldErrors } = translateDomainError(error, isLocale(locale) ? locale : 'zh-CN');
      problem = fieldErrors.q ? t('nothing') : t('invalid', { message: Object.values(fieldErrors).flat()[0] ?? message });
    }
  }
  const all = result ? Object.values(result.counts).reduce((sum, c) => sum + c.total, 0) : 0;
  const manyInAll = result ? Object.values(result.counts).some((c) => c.capped) : false;
  const tabs = [
    { type: undefined, label: t('types.all'), count: all, capped: manyInAll },
    ...SEARCH_TYPES.map((type) => ({ type, label: t(`types.${type}`), count: result?.counts[type].total ?? 0, capped: result?.counts[type].capped ?? false })),
  ];
  const shown = params.type ? result?.counts[params.type as (typeof SEARCH_TYPES)[number]] : { total: all, capped: manyInAll };

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
      <form role="search" action="/search" className="space-y-3" data-testid="search-form">
        <div className="flex gap-2">
          <label htmlFor="search-q" className="sr-only">{t('title')}</label>
          <input id="search-q" name="q" type="search" defaultValue={q} placeholder={t('placeholder')} maxLength={100} autoFocus={!q}
            className="min-h-10 min-w-0 flex-1 rounded-md border border-slate-300 px-3 text-base sm:text-sm" />
          {params.type && <input type="hidden" name="type" value={params.type} />}
          <button type="submit" className="inline-flex min-h-10 items-center gap-1 rounded-md bg-brand-600 px-4 text-sm font-medium text-white">
            <Search className="size-4" aria-hidden="true" />{t('submit')}
          </button>
        </div>
        <SearchFilters params={params} spaces={options.spaces} tags={options.tags} clearHref={searchHref({ q, type: params.type }, {})} />
      </form>
      {problem && <p className="text-sm text-red-700" data-testid="search-problem">{problem}</p>}
      {!q.trim() && (
        <EmptyState icon={<Search className="size-8" aria-hidden="true" />} title={t('title')}>{t('start')}</EmptyState>
      )}
      {result && (
        <>
          <nav aria-label={t('typeTabs')} className="flex gap-1 overflow-x-auto border-b border-slate-200" data-testid="search-tabs">
            {tabs.map((tab) => {
              const current = (params.type ?? undefined) === tab.type;
              return (
                <Link key={tab.type ?? 'all'} href={searchHref(params, { type: tab.type })} aria-current={current ? 'page' : undefined}
                  className={`-mb-px inline-flex shrink-0 items-center gap-1.5 border-b-2 px-3 py-2 text-sm font-medium ${current ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-600 hover:text-slate-900'}`}>
                  {tab.label}
                  <span className="rounded-full bg-slate-100 px-1.5 text-xs text-slate-600">{tab.capped ? t('tabCountMany') : t('tabCount', { count: tab.count })}</span>
                </Link>
              );
            })}
          </nav>
          {result.hits.length === 0 ? (
            <EmptyState icon={<Search className="size-8" aria-hidden="true" />} title={t('empty', { q })}>{t('emptyHint')}</EmptyState>
          ) : (
            <>
              <p className="text-sm text-slate-600" data-testid="search-count">{shown?.capped ? t('countMany') : t('count', { count: shown?.total ?? 0 })}</p>
              <SearchHitList hits={result.hits} timeZone={timeZoneOf(user)} />
              {result.nextCursor !== null && (
                <Link href={searchHref(params, { cursor: String(result.nextCursor) })} className="inline-flex min-h-10 items-center text-sm text-brand-700 underline" data-testid="search-more">{t('more')}</Link>
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}
