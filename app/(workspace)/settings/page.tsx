import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AvatarForm } from '@/components/settings/avatar-form';
import { FavoriteDepartmentsForm } from '@/components/settings/favorite-departments-form';
import { PreferencesForm } from '@/components/settings/preferences-form';
import { ProfileForm } from '@/components/settings/profile-form';
import { TokenCreateForm } from '@/components/settings/token-create-form';
import { TokenList } from '@/components/settings/token-list';
import { createTokenAction, revokeTokenAction } from '@/lib/auth/actions';
import { requireUser } from '@/lib/auth/session';
import { listPersonalAccessTokens } from '@/lib/auth/tokens';
import { timeZoneOf } from '@/lib/org/time-zone';
import { defaultLocale } from '@/lib/i18n/config';
import { avatarUrl } from '@/lib/org/avatar-rules';
import { updateFavoriteDepartmentsAction, updatePreferencesAction, updateProfileAction } from '@/lib/org/actions';
import { flattenDepartmentTree, listDepartmentTree, listFavoriteDepartments } from '@/lib/org/queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('settings');
  return { title: t('title') };
}

function Section({ id, title, description, children }: { id: string; title: string; description?: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">{title}</h2>
      {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      <div className="mt-4">{children}</div>
    </section>
  );
}

export default async function SettingsPage() {
  const user = await requireUser('/settings');
  const [t, format, tree, favorites, tokens] = await Promise.all([
    getTranslations('settings'),
    getFormatter(),
    listDepartmentTree(user.organizationId),
    listFavoriteDepartments(user.id),
    listPersonalAccessTokens(user.id),
  ]);
  const departments = flattenDepartmentTree(tree);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
      <Section id="profile" title={t('profile')}>
        <AvatarForm name={user.name} url={avatarUrl(user.avatarKey)} />
        <div className="mt-6">
          <ProfileForm action={updateProfileAction} departments={departments} profile={user} submitLabel={t('saveProfile')} />
        </div>
      </Section>
      <Section id="preferences" title={t('preferences')}>
        <PreferencesForm
          action={updatePreferencesAction}
          timeZones={Intl.supportedValuesOf('timeZone')}
          preferences={{
            locale: user.locale ?? defaultLocale,
            timeZone: timeZoneOf(user),
            notificationPreference: user.notificationPreference,
          }}
        />
      </Section>
      <Section id="favorites" title={t('favorites')} description={t('favoritesHint')}>
        <FavoriteDepartmentsForm action={updateFavoriteDepartmentsAction} departments={departments} selected={favorites.map((f) => f.id)} />
      </Section>
      <Section id="tokens" title={t('tokens')} description={t('tokensHint')}>
        <TokenCreateForm action={createTokenAction} />
        <TokenList
          tokens={tokens}
          revokeAction={revokeTokenAction}
          namespace="settings"
          testId="token-list"
          details={(token) => (
            <>
              {t('tokenCreatedAt', { date: format.dateTime(token.createdAt, { dateStyle: 'medium' }) })}
              {token.lastUsedAt && ` · ${t('tokenLastUsed', { date: format.relativeTime(token.lastUsedAt) })}`}
            </>
          )}
        />
      </Section>
    </div>
  );
}
