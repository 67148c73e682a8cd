import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations();
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center px-4 text-center">
      <p className="text-5xl font-semibold text-slate-300">404</p>
      <h1 className="mt-4 text-xl font-semibold text-slate-900">{t('errors.pageNotFound')}</h1>
      <p className="mt-2 text-sm text-slate-600">{t('errors.pageNotFoundBody')}</p>
      <Link href="/" className="mt-6 text-sm font-medium text-brand-700 underline underline-offset-4">
        {t('common.backHome')}
      </Link>
    </main>
  );
}
