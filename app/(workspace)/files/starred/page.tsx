import { Star } from 'lucide-react';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LibraryList } from '@/components/files/library-list';
import { EmptyState } from '@/components/ui/empty-state';
import { userActor } from '@/lib/auth/actor';
import { requireUser } from '@/lib/auth/session';
import { starredFiles } from '@/lib/files/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('files'))('starredTitle') };
}

/** 星标文件: the viewer's starred files across every space they are in. */
export default async function StarredFilesPage() {
  const user = await requireUser('/files/starred');
  const [t, found] = await Promise.all([getTranslations('files'), starredFiles(userActor(user))]);
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold text-slate-900">{t('starredTitle')}</h1>
      <p className="text-sm text-slate-600">{t('starredExplain')}</p>
      {found.length === 0 ? (
        <EmptyState icon={<Star className="size-8" aria-hidden="true" />} title={t('noStarred')}>{t('noStarredHint')}</EmptyState>
      ) : (
        <LibraryList spaceId="" folders={[]} files={found} changeable={new Set()} folderChoices={[]} showSpace />
      )}
    </div>
  );
}
