import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { isSsoConfigured, ssoCallbackUrl, ssoPostLogoutUrl } from '@/lib/auth/sso';
import { requireOrgAdmin } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { platformCallbackUrl } from '@/lib/platforms/callback-url';
import { PLATFORM_PROVIDER_IDS, platformSignIns } from '@/lib/platforms/providers';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('sso') };
}

/** Read-only: SSO is configured through the environment, this page says what is in force. */
export default async function AdminSsoPage() {
  await requireOrgAdmin('/admin/sso');
  const t = await getTranslations('admin');
  const configured = isSsoConfigured();
  const rows: [string, string][] = [
    [t('ssoStatus'), configured ? t('ssoOn') : t('ssoOff')],
    [t('ssoIssuer'), env.OIDC_ISSUER ?? '—'],
    [t('ssoClientId'), env.OIDC_CLIENT_ID ?? '—'],
    [t('ssoDisplayName'), env.OIDC_DISPLAY_NAME ?? '—'],
    [t('ssoDepartmentClaim'), env.OIDC_DEPARTMENT_CLAIM ?? '—'],
    [t('localSignIn'), env.AUTH_LOCAL_ENABLED ? t('ssoOn') : t('ssoOff')],
  ];
  const platforms = new Set(platformSignIns().map((p) => p.providerId));
  return (
    <div className="space-y-4">
      <section className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <h2 className="text-base font-semibold text-slate-900">{t('callbackUrl')}</h2>
        <p className="mt-1 text-sm text-slate-600">{t('callbackUrlHint')}</p>
        <code data-testid="callback-url" className="mt-3 block overflow-x-auto rounded bg-slate-100 px-3 py-2 text-sm text-slate-900">
          {ssoCallbackUrl()}
        </code>
        <h2 className="mt-5 text-base font-semibold text-slate-900">{t('postLogoutUrl')}</h2>
        <p className="mt-1 text-sm text-slate-600">{t('postLogoutUrlHint')}</p>
        <code data-testid="post-logout-url" className="mt-3 block overflow-x-auto rounded bg-slate-100 px-3 py-2 text-sm text-slate-900">
          {ssoPostLogoutUrl()}
        </code>
        {!env.NEXTAUTH_URL && <p className="mt-2 text-sm text-amber-800">{t('nextauthUrlMissing')}</p>}
      </section>
      <dl className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {rows.map(([label, value]) => (
          <div key={label} className="flex flex-col gap-1 px-4 py-3 sm:flex-row">
            <dt className="text-sm font-medium text-slate-700 sm:w-48">{label}</dt>
            <dd className="text-sm break-all text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      <section data-testid="platform-status" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <h2 className="text-base font-semibold text-slate-900">{t('platformSignIn')}</h2>
        <p className="mt-1 text-sm text-slate-600">{t('platformSignInHint')}</p>
        <dl className="mt-3 divide-y divide-slate-100">
          {PLATFORM_PROVIDER_IDS.map((id) => (
            <div key={id} className="flex flex-col gap-1 py-3 sm:flex-row">
              <dt className="text-sm font-medium text-slate-700 sm:w-48">{t(`platformNames.${id}`)}</dt>
              <dd className="text-sm break-all text-slate-900">
                {platforms.has(id) ? t('ssoOn') : t('ssoOff')}
                <code className="mt-1 block rounded bg-slate-100 px-2 py-1 text-xs">{platformCallbackUrl(id)}</code>
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <p className="text-sm text-slate-600">{t('ssoConfigHint')}</p>
    </div>
  );
}
