import { BookOpen, CheckSquare, FileText, MessageSquare } from 'lucide-react';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { HighlightedText } from '@/components/chat/highlighted-text';
import type { SearchHit } from '@/lib/search/hydrate';

const icons = { page: BookOpen, task: CheckSquare, file: FileText, message: MessageSquare } as const;

/** Search results: what kind, the title and snippet with the keywords marked, where and when. */
export async function SearchHitList({ hits, timeZone }: { hits: SearchHit[]; timeZone: string }) {
  const [t, locale] = await Promise.all([getTranslations('search'), getLocale()]);
  const time = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' });
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="search-results">
      {hits.map((hit) => {
        const Icon = icons[hit.type];
        return (
          <li key={`${hit.type}-${hit.id}`}>
            <Link href={hit.href} className="flex gap-3 px-4 py-3 hover:bg-slate-50" data-testid="search-hit" data-type={hit.type}>
              <Icon className="mt-0.5 size-4 shrink-0 text-slate-400" aria-hidden="true" />
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium text-slate-900">
                  {hit.type === 'message' ? t('inChannel', { channel: hit.title }) : <HighlightedText text={hit.title} ranges={hit.titleHighlights} />}
                </p>
                {hit.snippet && <p className="mt-0.5 line-clamp-2 text-sm break-words text-slate-700"><HighlightedText text={hit.snippet} ranges={hit.highlights} /></p>}
                <p className="mt-1 text-xs text-slate-500">
                  {[t(`types.${hit.type}`), hit.spaceName ?? t('orgPage'), hit.author, time.format(new Date(hit.at))].filter(Boolean).join(' · ')}
                </p>
              </div>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
