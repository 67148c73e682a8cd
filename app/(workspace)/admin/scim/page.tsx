import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { TokenCreateForm } from '@/components/settings/token-create-form';
import { TokenList } from '@/components/settings/token-list';
import { userActor } from '@/lib/auth/actor';
import { requireOrgAdmin } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { createScimTokenAction, revokeScimTokenAction } from '@/lib/scim/actions';
import { scimBaseUrl } from '@/lib/scim/http';
import { listScimTokens } from '@/lib/scim/tokens';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('scimAdmin'))('title') };
}

/** SCIM provisioning: the base URL to give the identity provider, and its bearer tokens. */
export default async function AdminScimPage() {
  const user = await requireOrgAdmin('/admin/scim');
  const [t, ta, format, tokens] = await Promise.all([
    getTranslations('scimAdmin'), getTranslations('admin'), getFormatter(), listScimTokens(userActor(user), user.organizationId),
  ]);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">{t('intro')}</p>
      <section className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <h2 className="text-base font-semibold text-slate-900">{t('baseUrl')}</h2>
        <p className="mt-1 text-sm text-slate-600">{t('baseUrlHint')}</p>
        <code data-testid="scim-base-url" className="mt-3 block overflow-x-auto rounded bg-slate-100 px-3 py-2 text-sm text-slate-900">
          {scimBaseUrl()}
        </code>
        {!env.NEXTAUTH_URL && <p className="mt-2 text-sm text-amber-800">{ta('nextauthUrlMissing')}</p>}
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <h2 className="text-base font-semibold text-slate-900">{t('tokens')}</h2>
        <p className="mt-1 mb-3 text-sm text-slate-600">{t('tokensHint')}</p>
        <TokenCreateForm action={createScimTokenAction} namespace="scimAdmin" />
        <TokenList
          tokens={tokens}
          revokeAction={revokeScimTokenAction}
          namespace="scimAdmin"
          testId="scim-token-list"
          confirm={t('revokeConfirm')}
          details={(token) => (
            <>
              {t('tokenUsage', { created: format.dateTime(token.createdAt, { dateStyle: 'medium' }), count: token.requestCount })}
              {token.lastUsedAt && ` · ${t('tokenLastUsed', { date: format.relativeTime(token.lastUsedAt) })}`}
            </>
          )}
        />
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <h2 className="text-base font-semibold text-slate-900">{t('mappingTitle')}</h2>
        <p className="mt-2 text-sm text-slate-700">{t('mappingUsers')}</p>
        <p className="mt-2 text-sm text-slate-700">{t('mappingGroups')}</p>
      </section>
    </div>
  );
}
