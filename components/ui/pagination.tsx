import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

interface PaginationProps {
  page: number;
  href: (page: number) => string;
  /** Known page count ("page x of y"); logs that only know whether more follow pass `hasNext`. */
  pageCount?: number;
  hasNext?: boolean;
}

/** Previous / page x of y / next, as links that keep the other query parameters. */
export async function Pagination({ page, href, pageCount, hasNext = pageCount !== undefined && page < pageCount }: PaginationProps) {
  if (page <= 1 && !hasNext) return null;
  const t = await getTranslations('common');
  return (
    <nav aria-label={t('pagination')} className="flex items-center justify-between text-sm">
      {page > 1 ? <Link href={href(page - 1)} className="text-brand-700">{t('previous')}</Link> : <span />}
      {pageCount !== undefined && <span className="text-slate-600">{t('pageOf', { page, pages: pageCount })}</span>}
      {hasNext ? <Link href={href(page + 1)} className="text-brand-700">{t('next')}</Link> : <span />}
    </nav>
  );
}
