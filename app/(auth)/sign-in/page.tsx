import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from '@/components/auth/sign-in-form';
import { SsoButton } from '@/components/auth/sso-button';
import { safeCallbackPath } from '@/lib/auth/schema';
import { getCurrentUser } from '@/lib/auth/session';
import { signInErrorKey } from '@/lib/auth/sign-in-errors';
import { isSsoConfigured, SSO_PROVIDER_ID } from '@/lib/auth/sso';
import { env } from '@/lib/env';
import { platformSignIns } from '@/lib/platforms/providers';
import { clientPlatform } from '@/lib/platforms/user-agent';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('signInTitle') };
}

interface SignInPageProps {
  /** `methods=1`: show every method, without starting the in-client platform sign-in. */
  searchParams: Promise<{ callbackUrl?: string; error?: string; welcome?: string; signedOut?: string; methods?: string }>;
}

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const { callbackUrl, error, welcome, signedOut, methods } = await searchParams;
  const target = safeCallbackPath(callbackUrl);
  if (await getCurrentUser()) redirect(target);
  const t = await getTranslations('auth');
  const sso = isSsoConfigured();
  const ssoName = env.OIDC_DISPLAY_NAME ?? t('ssoDefaultName');
  const platforms = platformSignIns();
  // Inside the DingTalk/Feishu/WeCom client its OAuth approves silently: one tap, or none. Not
  // right after signing out or a failure (the user would bounce straight back), nor when asked
  // for the other methods.
  const inClient = clientPlatform((await headers()).get('user-agent'));
  const quiet = Boolean(error || signedOut || methods);
  const autoPlatform = quiet ? undefined : platforms.find((p) => p.providerId === inClient)?.providerId;
  const otherMethodsHref = `/sign-in?methods=1&callbackUrl=${encodeURIComponent(target)}`;
  const hasOtherMethods = env.AUTH_LOCAL_ENABLED || sso || platforms.length > 1;
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
      {autoPlatform && (
        <p data-testid="platform-in-client" role="status" className="mb-4 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
          {t('platformInClient')}
          {hasOtherMethods && (
            <Link href={otherMethodsHref} className="ml-2 font-medium text-blue-700 underline-offset-2 hover:underline">
              {t('otherMethods')}
            </Link>
          )}
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
            autoStart={!env.AUTH_LOCAL_ENABLED && !quiet && !autoPlatform && platforms.length === 0}
            variant={env.AUTH_LOCAL_ENABLED ? 'secondary' : 'primary'}
          />
        </div>
      )}
      {platforms.length > 0 && (
        <div data-testid="platform-sign-in" className={env.AUTH_LOCAL_ENABLED || sso ? 'mt-6 space-y-3 border-t border-slate-100 pt-6' : 'space-y-3'}>
          {platforms.map((platform) => (
            <SsoButton
              key={platform.providerId}
              providerId={platform.providerId}
              label={t(`platforms.${platform.labelKey}`)}
              pendingLabel={t('platformRedirecting')}
              callbackUrl={target}
              autoStart={platform.providerId === autoPlatform}
              variant={env.AUTH_LOCAL_ENABLED || sso ? 'secondary' : 'primary'}
            />
          ))}
        </div>
      )}
      {!env.AUTH_LOCAL_ENABLED && !sso && platforms.length === 0 && (
        <p data-testid="form-error" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t('noMethod')}
        </p>
      )}
    </div>
  );
}
