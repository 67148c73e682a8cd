import { Search } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { HighlightedText } from '@/components/chat/highlighted-text';
import { EmptyState } from '@/components/ui/empty-state';
import { userActor } from '@/lib/auth/actor';
import { messageHref } from '@/lib/chat/links';
import { searchMessages, type MessageSearchResult } from '@/lib/chat/search';
import { isDomainError } from '@/lib/errors';
import { timeZoneOf } from '@/lib/org/time-zone';
import { getSpacePageData } from '@/lib/spaces/page-data';

interface SearchPageProps {
  params: Promise<{ spaceId: string }>;
  searchParams: Promise<{ q?: string; before?: string }>;
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('chat'))('search') };
}

/** Search over the space's messages; each hit links into its conversation. */
export default async function ChatSearchPage({ params, searchParams }: SearchPageProps) {
  const [{ spaceId }, { q = '', before }] = await Promise.all([params, searchParams]);
  const [{ user, space }, t, locale] = await Promise.all([getSpacePageData(spaceId), getTranslations('chat'), getLocale()]);
  let result: MessageSearchResult | null = null;
  let problem: string | null = null;
  if (q.trim()) {
    try {
      result = await searchMessages(userActor(user), space.id, { q, before }, t('mentionAll'));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      problem = t('searchEmpty', { q });
    }
  }
  const time = new Intl.DateTimeFormat(locale, { timeZone: timeZoneOf(user), dateStyle: 'medium', timeStyle: 'short' });
  const base = `/spaces/${space.id}/chat`;
  return (
    <div className="space-y-4">
      <form role="search" action={`${base}/search`} className="flex gap-2">
        <label htmlFor="chat-search" className="sr-only">{t('search')}</label>
        <input id="chat-search" name="q" type="search" defaultValue={q} placeholder={t('searchPlaceholder')} maxLength={100} className="min-h-10 min-w-0 flex-1 rounded-md border border-slate-300 px-3 text-base sm:text-sm" />
        <button type="submit" className="inline-flex min-h-10 items-center gap-1 rounded-md bg-brand-600 px-4 text-sm font-medium text-white"><Search className="size-4" aria-hidden="true" />{t('searchSubmit')}</button>
        <Link href={base} className="inline-flex min-h-10 items-center px-2 text-sm text-brand-700">{t('backToChat')}</Link>
      </form>
      {problem && <p className="text-sm text-slate-600">{problem}</p>}
      {result && (result.hits.length === 0 ? (
        <EmptyState icon={<Search className="size-8" aria-hidden="true" />} title={t('searchEmpty', { q })} />
      ) : (
        <>
          <p className="text-sm text-slate-600" data-testid="search-count">{result.capped ? t('searchResultsMany') : t('searchResults', { count: result.total })}</p>
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="search-results">
            {result.hits.map(({ message, channelName, snippet, highlights }) => (
              <li key={message.id}>
                <Link
                  href={messageHref(space.id, message)}
                  className="block px-4 py-3 hover:bg-slate-50"
                  data-testid="search-hit"
                >
                  <p className="text-xs text-slate-500">
                    {message.author.name} · {t('inChannel', { channel: channelName })}{message.parentId ? ` · ${t('inThread')}` : ''} · {time.format(new Date(message.createdAt))}
                  </p>
                  <p className="mt-1 text-sm text-slate-900"><HighlightedText text={snippet} ranges={highlights} /></p>
                </Link>
              </li>
            ))}
          </ul>
          {result.nextBefore && (
            <Link href={`${base}/search?q=${encodeURIComponent(q)}&before=${result.nextBefore}`} className="inline-block text-sm text-brand-700 underline">{t('searchMore')}</Link>
          )}
        </>
      ))}
    </div>
  );
}
