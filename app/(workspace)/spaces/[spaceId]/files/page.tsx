import { FolderOpen, Search, Trash2 } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LibraryList } from '@/components/files/library-list';
import { NewFolderForm } from '@/components/files/new-folder-form';
import { UploadPanel } from '@/components/files/upload-panel';
import { RefreshOnEvents } from '@/components/realtime/refresh-on-events';
import { EmptyState } from '@/components/ui/empty-state';
import { env } from '@/lib/env';
import { formatBytes } from '@/lib/files/format';
import { getLibraryPageData } from '@/lib/files/page-data';
import { getSpacePageData } from '@/lib/spaces/page-data';

interface FilesPageProps {
  params: Promise<{ spaceId: string }>;
  searchParams: Promise<{ folder?: string; q?: string; starred?: string }>;
}

export async function generateMetadata({ params }: FilesPageProps): Promise<Metadata> {
  const [{ space }, t] = await Promise.all([getSpacePageData((await params).spaceId), getTranslations('spaces')]);
  return { title: `${t('files')} · ${space.name}` };
}

/** 文件: the space's library, a folder at a time, or the files matching a name or starred. */
export default async function FilesPage({ params, searchParams }: FilesPageProps) {
  const { spaceId } = await params;
  const query = await searchParams;
  const [{ user, space, allowed }, t] = await Promise.all([getSpacePageData(spaceId), getTranslations('files')]);
  const { listing, choices, changeable } = await getLibraryPageData(user, space.id, allowed, query);
  const base = `/spaces/${space.id}/files`;
  const folderId = listing.path.at(-1)?.id ?? null;
  const starred = query.starred === '1';
  const filtered = Boolean(query.q || starred);
  const uploadUrl = `/api/v1/spaces/${space.id}/files${folderId ? `?folderId=${folderId}` : ''}`;
  const empty = listing.folders.length === 0 && listing.files.length === 0;
  const list = empty ? (
    <EmptyState icon={<FolderOpen className="size-8" aria-hidden="true" />} title={filtered ? t('noMatches') : t('emptyFolder')}>
      {!filtered && allowed.has('file.upload') ? t('emptyFolderHint') : null}
    </EmptyState>
  ) : (
    <LibraryList spaceId={space.id} folders={listing.folders} files={listing.files} changeable={changeable} folderChoices={choices} />
  );
  const chip = (active: boolean) => `min-h-9 rounded-full px-4 py-1.5 text-sm ${active ? 'bg-brand-600 text-white' : 'border border-slate-300 bg-white text-slate-700 hover:bg-slate-50'}`;

  return (
    <div className="space-y-4">
      <RefreshOnEvents types={['file.changed']} viewerId={user.id} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <nav aria-label={t('filters')} className="flex gap-2">
          <Link href={base} className={chip(!starred)} aria-current={!starred ? 'page' : undefined}>{t('allFiles')}</Link>
          <Link href={`${base}?starred=1`} className={chip(starred)} aria-current={starred ? 'page' : undefined}>{t('starred')}</Link>
        </nav>
        <form action={base} className="flex items-center gap-2" role="search">
          {folderId && !starred && <input type="hidden" name="folder" value={folderId} />}
          <label className="relative">
            <span className="sr-only">{t('searchByName')}</span>
            <Search className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-slate-400" aria-hidden="true" />
            <input name="q" type="search" defaultValue={query.q ?? ''} placeholder={t('searchByName')} className="min-h-10 w-56 rounded-md border border-slate-300 pl-8 pr-3 text-sm" />
          </label>
        </form>
      </div>
      {!filtered && listing.path.length > 0 && (
        <nav aria-label={t('path')} className="flex flex-wrap items-center gap-1 text-sm" data-testid="folder-path">
          <Link href={base} className="text-brand-700 hover:underline">{t('allFiles')}</Link>
          {listing.path.map((folder) => (
            <span key={folder.id} className="flex items-center gap-1">
              <span className="text-slate-400" aria-hidden="true">/</span>
              <Link href={`${base}?folder=${folder.id}`} className="text-brand-700 hover:underline" aria-current={folder.id === folderId ? 'page' : undefined}>{folder.name}</Link>
            </span>
          ))}
        </nav>
      )}
      {allowed.has('file.upload') && !filtered ? (
        <UploadPanel
          url={uploadUrl}
          maxBytes={env.FILE_MAX_BYTES}
          label={t('upload')}
          toolbar={<NewFolderForm spaceId={space.id} parentId={folderId} />}
          hint={t('uploadHint', { max: formatBytes(env.FILE_MAX_BYTES) })}
        >
          {list}
        </UploadPanel>
      ) : list}
      <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-slate-500">
        <span data-testid="library-usage">{t('usage', { used: formatBytes(listing.usage.usedBytes), quota: formatBytes(listing.usage.quotaBytes) })}</span>
        {allowed.has('file.manage') && (
          <Link href={`${base}/trash`} className="inline-flex items-center gap-1 text-brand-700 hover:underline">
            <Trash2 className="size-3.5" aria-hidden="true" />
            {t('recycleBin')}
          </Link>
        )}
      </div>
    </div>
  );
}
