// Where the command palette jumps without searching: the app's own pages, the sections of the
// space being looked at, and the person's spaces.

export interface Destination {
  title: string;
  subtitle?: string;
  href: string;
}

type Translate = (key: string, values?: Record<string, string>) => string;

const SPACE_SECTIONS = [
  ['', 'spaces.overview'], ['/tasks', 'spaces.tasks'], ['/board', 'spaces.board'], ['/gantt', 'spaces.gantt'], ['/progress', 'spaces.progress'],
  ['/chat', 'spaces.chat'], ['/files', 'spaces.files'], ['/kb', 'search.palette.kb'], ['/meetings', 'spaces.meetings'], ['/feed', 'spaces.feed'],
  ['/issues', 'spaces.issues'], ['/members', 'spaces.members'],
] as const;

export function paletteDestinations(t: Translate, pathname: string, spaces: readonly { id: string; name: string }[], isOrgAdmin: boolean) {
  const pages: Destination[] = [];
  const spaceId = /^\/spaces\/([0-9a-f-]{36})(?:\/|$)/.exec(pathname)?.[1];
  const space = spaceId ? spaces.find((s) => s.id === spaceId) : undefined;
  if (spaceId) {
    for (const [path, key] of SPACE_SECTIONS) {
      const section = t(key);
      pages.push({ title: space ? t('search.palette.inSpace', { space: space.name, section }) : section, href: `/spaces/${spaceId}${path}` });
    }
  }
  pages.push(
    { title: t('nav.home'), href: '/' },
    { title: t('nav.myTasks'), href: '/tasks' },
    { title: t('nav.awaiting'), href: '/awaiting' },
    { title: t('nav.starredFiles'), href: '/files/starred' },
    { title: t('search.palette.searchPage'), href: '/search' },
    { title: t('nav.allSpaces'), href: '/spaces' },
    { title: t('nav.settings'), href: '/settings' },
    ...(isOrgAdmin ? [{ title: t('nav.admin'), href: '/admin/users' }] : []),
  );
  return { pages, spaces: spaces.map((s) => ({ title: s.name, href: `/spaces/${s.id}` })) };
}
