'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations();
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center px-4 text-center">
      <h1 className="text-xl font-semibold text-slate-900">{t('errors.somethingWrong')}</h1>
      <p className="mt-2 text-sm text-slate-600">{t('errors.somethingWrongBody')}</p>
      <Button className="mt-6" onClick={reset}>
        {t('common.retry')}
      </Button>
    </main>
  );
}
