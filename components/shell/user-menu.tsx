import { Settings } from 'lucide-react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { User } from '@/db/schema';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { LanguageSwitcher } from '@/components/i18n/language-switcher';
import { avatarUrl } from '@/lib/org/avatar-rules';
import { Avatar } from './avatar';

interface UserMenuProps {
  user: Pick<User, 'name' | 'email' | 'avatarKey' | 'isOrgAdmin'>;
  departmentName: string | null;
}

export async function UserMenu({ user, departmentName }: UserMenuProps) {
  const t = await getTranslations();
  return (
    <details className="group relative">
      <summary
        className="flex min-h-10 cursor-pointer list-none items-center gap-2 rounded-md px-1.5 hover:bg-slate-100 [&::-webkit-details-marker]:hidden"
        aria-label={t('nav.userMenu')}
      >
        <Avatar name={user.name} url={avatarUrl(user.avatarKey)} />
        <span className="hidden max-w-32 truncate text-sm font-medium text-slate-800 sm:inline" data-testid="current-user">
          {user.name}
        </span>
      </summary>
      <div className="absolute right-0 z-50 mt-2 w-64 rounded-lg border border-slate-200 bg-white p-2 shadow-lg">
        <div className="border-b border-slate-100 px-3 pt-1 pb-3">
          <p className="font-medium text-slate-900">{user.name}</p>
          <p className="truncate text-sm text-slate-600">{user.email}</p>
          {departmentName && (
            <p className="mt-1 text-sm text-slate-700" data-testid="current-department">
              {departmentName}
            </p>
          )}
          {user.isOrgAdmin && <p className="mt-1 text-xs text-brand-700">{t('nav.orgAdmin')}</p>}
        </div>
        <div className="border-b border-slate-100 px-1 py-2">
          <p className="px-2 pb-1 text-xs text-slate-500">{t('language.label')}</p>
          <LanguageSwitcher />
        </div>
        <div className="pt-2">
          <Link href="/settings" className="flex min-h-10 w-full items-center gap-2 rounded-md px-3 text-sm text-slate-700 hover:bg-slate-100">
            <Settings className="size-4" aria-hidden="true" />
            {t('nav.settings')}
          </Link>
          <SignOutButton />
        </div>
      </div>
    </details>
  );
}
