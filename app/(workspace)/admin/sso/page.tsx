import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { isSsoConfigured, ssoCallbackUrl, ssoPostLogoutUrl } from '@/lib/auth/sso';
import { requireOrgAdmin } from '@/lib/auth/session';
import { env } from '@/lib/env';

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
      <p className="text-sm text-slate-600">{t('ssoConfigHint')}</p>
    </div>
  );
}
