import { getTranslations } from 'next-intl/server';

/** The placeholder a page shows while its data loads. */
export async function PageSkeleton() {
  const t = await getTranslations('common');
  return (
    <div role="status" className="mx-auto max-w-5xl animate-pulse">
      <span className="sr-only">{t('loading')}</span>
      <div className="h-7 w-48 rounded bg-slate-200" />
      <div className="mt-3 h-4 w-64 rounded bg-slate-200" />
      <div className="mt-8 h-40 rounded-lg bg-slate-200" />
    </div>
  );
}
