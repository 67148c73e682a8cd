import { BookOpen, Building2, FolderKanban, House, ListTodo, MessageSquareReply, Plus, Settings, ShieldCheck, Star } from 'lucide-react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { User } from '@/db/schema';
import { CommandPalette } from '@/components/search/command-palette';
import { coverColorClass } from '@/components/spaces/cover-color';
import { BrandMark } from './brand-mark';
import { NavDrawer } from './nav-drawer';
import { NotificationsButton } from './notifications-button';
import { UnreadBadge, UnreadProvider } from './unread-badges';
import { UserMenu } from './user-menu';

type ShellUser = Pick<User, 'id' | 'name' | 'email' | 'avatarKey' | 'isOrgAdmin'>;

interface AppShellProps {
  user: ShellUser;
  departmentName: string | null;
  /** 常用部门 the user pinned in settings. */
  favorites: { id: string; name: string }[];
  /** The active spaces the user belongs to. */
  spaces: { id: string; name: string; coverColor: string }[];
  /** Unread chat messages and mentions by space. */
  unread: Record<string, { unread: number; mentions: number }>;
  children: ReactNode;
}

const navLink = 'flex min-h-10 items-center gap-2 rounded-md px-3 text-sm font-medium text-slate-800 hover:bg-slate-100';

export async function AppShell({ user, departmentName, favorites, spaces, unread, children }: AppShellProps) {
  const t = await getTranslations();
  return (
    <div className="min-h-dvh">
      <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t('nav.skipToContent')}
      </a>
      <header className="fixed inset-x-0 top-0 z-40 flex h-14 items-center gap-2 border-b border-slate-200 bg-white px-2 sm:px-4">
        <UnreadProvider initial={unread}>
        <NavDrawer openLabel={t('nav.openMenu')} closeLabel={t('nav.closeMenu')}>
          <nav aria-label={t('nav.main')} className="p-3">
            <Link href="/" className={navLink}>
              <House className="size-4" aria-hidden="true" />
              {t('nav.home')}
            </Link>
            <Link href="/tasks" className={navLink}>
              <ListTodo className="size-4" aria-hidden="true" />
              {t('nav.myTasks')}
            </Link>
            <Link href="/awaiting" className={navLink} data-testid="nav-awaiting">
              <MessageSquareReply className="size-4" aria-hidden="true" />
              {t('nav.awaiting')}
            </Link>
            <Link href="/kb" className={navLink} data-testid="nav-kb">
              <BookOpen className="size-4" aria-hidden="true" />
              {t('nav.kb')}
            </Link>
            <Link href="/files/starred" className={navLink}>
              <Star className="size-4" aria-hidden="true" />
              {t('nav.starredFiles')}
            </Link>
            <Link href="/settings" className={navLink}>
              <Settings className="size-4" aria-hidden="true" />
              {t('nav.settings')}
            </Link>
            {user.isOrgAdmin && (
              <Link href="/admin/users" className={navLink}>
                <ShieldCheck className="size-4" aria-hidden="true" />
                {t('nav.admin')}
              </Link>
            )}
            {favorites.length > 0 && (
              <>
                <h2 className="mt-5 mb-1 px-3 text-xs font-semibold tracking-wide text-slate-500">{t('nav.favoriteDepartments')}</h2>
                <ul data-testid="favorite-departments">
                  {favorites.map((department) => (
                    <li key={department.id} className="flex min-h-9 items-center gap-2 px-3 text-sm text-slate-700">
                      <Building2 className="size-4 text-slate-400" aria-hidden="true" />
                      {department.name}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <div className="mt-5 mb-1 flex items-center justify-between px-3">
              <h2 className="text-xs font-semibold tracking-wide text-slate-500">{t('nav.spaces')}</h2>
              <Link href="/spaces/new" className="rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900" aria-label={t('spaces.create')}>
                <Plus className="size-4" aria-hidden="true" />
              </Link>
            </div>
            {spaces.length > 0 ? (
              <ul data-testid="nav-spaces">
                {spaces.map((space) => (
                  <li key={space.id}>
                    <Link href={`/spaces/${space.id}`} className={navLink}>
                      <span aria-hidden="true" className={`size-2.5 shrink-0 rounded-full ${coverColorClass(space.coverColor)}`} />
                      <span className="truncate">{space.name}</span>
                      <UnreadBadge spaceId={space.id} />
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              <div className="px-3 py-2 text-sm text-slate-600" data-testid="spaces-empty">
                <p className="flex items-center gap-2 font-medium text-slate-700">
                  <FolderKanban className="size-4" aria-hidden="true" />
                  {t('nav.noSpaces')}
                </p>
                <p className="mt-1 text-xs leading-5">{t('nav.noSpacesHint')}</p>
              </div>
            )}
            <Link href="/spaces" className={`${navLink} text-slate-600`}>
              {t('nav.allSpaces')}
            </Link>
          </nav>
        </NavDrawer>
        </UnreadProvider>
        <Link href="/" className="flex items-center gap-2 px-1 font-semibold text-slate-900">
          <BrandMark />
          <span>{t('common.appName')}</span>
        </Link>
        <div className="ml-auto flex items-center gap-1">
          <CommandPalette spaces={spaces} isOrgAdmin={user.isOrgAdmin} />
          <NotificationsButton userId={user.id} />
          <UserMenu user={user} departmentName={departmentName} />
        </div>
      </header>
      <main id="main" className="px-4 pt-20 pb-10 sm:px-6 lg:pl-78">
        {children}
      </main>
    </div>
  );
}
