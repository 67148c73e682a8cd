import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** Previous / page x of y / next, as links that keep the other query parameters. */
export async function Pagination({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null;
  const t = await getTranslations('common');
  return (
    <nav aria-label={t('pagination')} className="flex items-center justify-between text-sm">
      {page > 1 ? <Link href={href(page - 1)} className="text-brand-700">{t('previous')}</Link> : <span />}
      <span className="text-slate-600">{t('pageOf', { page, pages: pageCount })}</span>
      {page < pageCount ? <Link href={href(page + 1)} className="text-brand-700">{t('next')}</Link> : <span />}
    </nav>
  );
}
