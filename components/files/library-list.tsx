import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { formatBytes } from '@/lib/files/format';
import type { FileResource, FolderResource } from '@/lib/files/resources';
import { FileIcon } from './file-icon';
import { ItemMenu } from './item-menu';
import { StarToggle } from './star-toggle';

interface LibraryListProps {
  spaceId: string;
  folders: FolderResource[];
  files: (FileResource & { spaceName?: string })[];
  /** Ids of the items the viewer may rename, move and delete. */
  changeable: Set<string>;
  folderChoices: { id: string; label: string }[];
  /** Shows the space of each file (the starred list across spaces). */
  showSpace?: boolean;
}

/** A folder's contents as a table on wide screens and as cards on phones: folders first, then files. */
export async function LibraryList({ spaceId, folders, files, changeable, folderChoices, showSpace = false }: LibraryListProps) {
  const [t, format] = await Promise.all([getTranslations('files'), getFormatter()]);
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="library-list">
      <li className="hidden grid-cols-[1fr_6rem_10rem_8rem_5rem] gap-3 px-4 py-2 text-xs font-medium text-slate-500 md:grid" aria-hidden="true">
        <span>{t('name')}</span>
        <span className="text-right">{t('size')}</span>
        <span>{t('updated')}</span>
        <span>{t('uploader')}</span>
        <span />
      </li>
      {folders.map((folder) => (
        <li key={folder.id} className="flex items-center gap-3 px-4 py-2 md:grid md:grid-cols-[1fr_6rem_10rem_8rem_5rem]" data-testid="folder-row">
          <Link href={`/spaces/${spaceId}/files?folder=${folder.id}`} className="flex min-h-10 min-w-0 flex-1 items-center gap-3 font-medium text-slate-900 hover:text-brand-700">
            <FileIcon kind="folder" />
            <span className="truncate">{folder.name}</span>
          </Link>
          <span className="hidden md:block" />
          <span className="hidden text-sm text-slate-600 md:block">{when(folder.createdAt)}</span>
          <span className="hidden truncate text-sm text-slate-600 md:block">{folder.createdBy?.name ?? ''}</span>
          <span className="flex justify-end">
            {changeable.has(folder.id) && (
              <ItemMenu item={{ folderId: folder.id }} name={folder.name} folderChoices={folderChoices.filter((c) => c.id !== folder.id)} currentFolderId={folder.parentId} />
            )}
          </span>
        </li>
      ))}
      {files.map((file) => (
        <li key={file.id} className="flex items-center gap-3 px-4 py-2 md:grid md:grid-cols-[1fr_6rem_10rem_8rem_5rem]" data-testid="file-row">
          <Link href={`/spaces/${file.spaceId}/files/${file.id}`} className="flex min-h-10 min-w-0 flex-1 items-center gap-3 text-slate-900 hover:text-brand-700">
            <FileIcon kind={file.version.kind} mime={file.version.mime} />
            <span className="min-w-0">
              <span className="block truncate">{file.name}</span>
              <span className="block text-xs text-slate-500 md:hidden">
                {formatBytes(file.version.sizeBytes)} · {when(file.updatedAt)}
              </span>
              {showSpace && file.spaceName && <span className="block text-xs text-slate-500">{file.spaceName}</span>}
            </span>
            {file.versionCount > 1 && (
              <span className="shrink-0 rounded bg-slate-100 px-1.5 text-xs text-slate-600" title={t('versionCount', { count: file.versionCount })}>
                v{file.version.number}
              </span>
            )}
          </Link>
          <span className="hidden text-right text-sm text-slate-600 md:block">{formatBytes(file.version.sizeBytes)}</span>
          <span className="hidden text-sm text-slate-600 md:block">{when(file.updatedAt)}</span>
          <span className="hidden truncate text-sm text-slate-600 md:block">{file.version.uploadedBy?.name ?? ''}</span>
          <span className="flex items-center justify-end">
            <StarToggle fileId={file.id} starred={file.starred} name={file.name} />
            {changeable.has(file.id) && (
              <ItemMenu item={{ fileId: file.id }} name={file.name} folderChoices={folderChoices} currentFolderId={file.folderId} />
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
