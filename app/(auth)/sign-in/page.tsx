import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from '@/components/auth/sign-in-form';
import { SsoButton } from '@/components/auth/sso-button';
import { safeCallbackPath } from '@/lib/auth/schema';
import { getCurrentUser } from '@/lib/auth/session';
import { signInErrorKey } from '@/lib/auth/sign-in-errors';
import { isSsoConfigured, SSO_PROVIDER_ID } from '@/lib/auth/sso';
import { env } from '@/lib/env';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('signInTitle') };
}

interface SignInPageProps {
  searchParams: Promise<{ callbackUrl?: string; error?: string; welcome?: string; signedOut?: string }>;
}

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const { callbackUrl, error, welcome, signedOut } = await searchParams;
  const target = safeCallbackPath(callbackUrl);
  if (await getCurrentUser()) redirect(target);
  const t = await getTranslations('auth');
  const sso = isSsoConfigured();
  const ssoName = env.OIDC_DISPLAY_NAME ?? t('ssoDefaultName');
  return (
    <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-xl font-semibold text-slate-900">{t('signInTitle')}</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">{t('signInSubtitle')}</p>
      {welcome && (
        <p data-testid="form-success" className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          {t('passwordSet')}
        </p>
      )}
      {signedOut && (
        <p data-testid="signed-out" role="status" className="mb-4 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
          {t('signedOut')}
        </p>
      )}
      {env.AUTH_LOCAL_ENABLED ? (
        <SignInForm callbackUrl={target} lockoutMinutes={env.SIGNIN_WINDOW_MINUTES} initialError={error} initialEmail={welcome} />
      ) : (
        error && (
          <p data-testid="form-error" role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {t(signInErrorKey(error) as 'failed', { minutes: env.SIGNIN_WINDOW_MINUTES })}
          </p>
        )
      )}
      {sso && (
        <div className={env.AUTH_LOCAL_ENABLED ? 'mt-6 border-t border-slate-100 pt-6' : ''}>
          <SsoButton
            providerId={SSO_PROVIDER_ID}
            label={t('ssoSignIn', { name: ssoName })}
            pendingLabel={t('ssoRedirecting')}
            callbackUrl={target}
            // Not right after signing out or a failure: the user would bounce straight back.
            autoStart={!env.AUTH_LOCAL_ENABLED && !error && !signedOut}
            variant={env.AUTH_LOCAL_ENABLED ? 'secondary' : 'primary'}
          />
        </div>
      )}
      {!env.AUTH_LOCAL_ENABLED && !sso && (
        <p data-testid="form-error" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t('noMethod')}
        </p>
      )}
    </div>
  );
}
