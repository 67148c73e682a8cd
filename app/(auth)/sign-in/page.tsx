import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from '@/components/auth/sign-in-form';
import { safeCallbackPath } from '@/lib/auth/schema';
import { getCurrentUser } from '@/lib/auth/session';
import { env } from '@/lib/env';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('signInTitle') };
}

interface SignInPageProps {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const { callbackUrl, error } = await searchParams;
  const target = safeCallbackPath(callbackUrl);
  if (await getCurrentUser()) redirect(target);
  const t = await getTranslations('auth');
  return (
    <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-xl font-semibold text-slate-900">{t('signInTitle')}</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">{t('signInSubtitle')}</p>
      {env.AUTH_LOCAL_ENABLED ? (
        <SignInForm callbackUrl={target} lockoutMinutes={env.SIGNIN_WINDOW_MINUTES} initialError={error} />
      ) : (
        <p data-testid="form-error" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t('localDisabled')}
        </p>
      )}
    </div>
  );
}
