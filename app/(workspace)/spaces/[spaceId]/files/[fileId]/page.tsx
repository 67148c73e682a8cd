import { Download, History } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { CommentThread } from '@/components/comments/comment-thread';
import { FileIcon } from '@/components/files/file-icon';
import { FilePreview } from '@/components/files/file-preview';
import { ItemMenu } from '@/components/files/item-menu';
import { StarToggle } from '@/components/files/star-toggle';
import { UploadPanel } from '@/components/files/upload-panel';
import { RefreshOnEvents } from '@/components/realtime/refresh-on-events';
import { ActionButton } from '@/components/ui/action-button';
import { getCommentThreadData } from '@/lib/comments/page-data';
import { env } from '@/lib/env';
import { restoreVersionAction } from '@/lib/files/actions';
import { formatBytes } from '@/lib/files/format';
import { getFilePageData } from '@/lib/files/page-data';
import { getSpacePageData } from '@/lib/spaces/page-data';

interface FilePageProps {
  params: Promise<{ spaceId: string; fileId: string }>;
  searchParams: Promise<{ v?: string }>;
}

export async function generateMetadata({ params }: FilePageProps): Promise<Metadata> {
  const { spaceId, fileId } = await params;
  const { user } = await getSpacePageData(spaceId);
  const { file } = await getFilePageData(user, spaceId, fileId, null);
  return { title: file.name };
}

/** One file: its preview, its versions, what it is attached to, and what the viewer may do with it. */
export default async function FilePage({ params, searchParams }: FilePageProps) {
  const { spaceId, fileId } = await params;
  const { v } = await searchParams;
  const [{ user, space, allowed }, t, format] = await Promise.all([getSpacePageData(spaceId), getTranslations('files'), getFormatter()]);
  const data = await getFilePageData(user, space.id, fileId, v ?? null);
  const thread = await getCommentThreadData(user, space.id, { type: 'file', id: data.file.id });
  const { file, path, versions, shown, preview, links, attachments, choices, changeable } = data;
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });
  const base = `/spaces/${space.id}/files`;
  const isCurrent = shown.id === file.version.id;

  return (
    <div className="space-y-4">
      <RefreshOnEvents types={['file.changed', 'comment.changed']} viewerId={user.id} />
      <nav aria-label={t('path')} className="flex flex-wrap items-center gap-1 text-sm">
        <Link href={base} className="text-brand-700 hover:underline">{t('allFiles')}</Link>
        {path.map((folder) => (
          <span key={folder.id} className="flex items-center gap-1">
            <span className="text-slate-400" aria-hidden="true">/</span>
            <Link href={`${base}?folder=${folder.id}`} className="text-brand-700 hover:underline">{folder.name}</Link>
          </span>
        ))}
      </nav>
      <header className="flex flex-wrap items-start gap-3">
        <FileIcon kind={shown.kind} mime={shown.mime} />
        <div className="min-w-0 flex-1">
          <h2 className="break-all text-lg font-semibold text-slate-900" data-testid="file-name">{file.name}</h2>
          <p className="text-sm text-slate-600">
            {t('versionLabel', { number: shown.number })} · {formatBytes(shown.sizeBytes)} · {shown.uploadedBy?.name ?? ''} · {when(shown.createdAt)}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <StarToggle fileId={file.id} starred={file.starred} name={file.name} />
          <a href={links.download} className="inline-flex min-h-10 items-center gap-2 rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-50" data-testid="download-link">
            <Download className="size-4" aria-hidden="true" />
            {t('download')}
          </a>
          {changeable && <ItemMenu item={{ fileId: file.id }} name={file.name} folderChoices={choices} currentFolderId={file.folderId} />}
        </div>
      </header>
      {!isCurrent && (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t('viewingOldVersion', { number: shown.number, current: file.version.number })}{' '}
          <Link href={`${base}/${file.id}`} className="underline">{t('showCurrent')}</Link>
        </p>
      )}
      <section aria-label={t('preview')} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="file-preview">
        <FilePreview preview={preview} kind={shown.kind} name={file.name} inlineUrl={links.inline} downloadUrl={links.download} />
      </section>
      <div className="grid gap-4 md:grid-cols-[2fr_1fr]">
        <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="versions-heading">
          <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
            <h3 id="versions-heading" className="flex items-center gap-2 font-medium text-slate-900">
              <History className="size-4" aria-hidden="true" />
              {t('versionHistory')}
            </h3>
            {allowed.has('file.upload') && (
              <UploadPanel url={`/api/v1/files/${file.id}/versions`} maxBytes={env.FILE_MAX_BYTES} multiple={false} label={t('uploadNewVersion')} testId="version-upload" />
            )}
          </div>
          <ol className="divide-y divide-slate-100" data-testid="version-list">
            {versions.map((version) => (
              <li key={version.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm" data-testid="version-row" data-number={version.number}>
                <span className="font-medium text-slate-900">v{version.number}</span>
                {version.id === file.version.id && <span className="rounded bg-green-100 px-1.5 text-xs text-green-800">{t('current')}</span>}
                <span className="text-slate-600">{version.uploadedBy?.name ?? ''} · {when(version.createdAt)} · {formatBytes(version.sizeBytes)}</span>
                {version.restoredFrom !== null && <span className="text-xs text-slate-500">{t('restoredFrom', { number: version.restoredFrom })}</span>}
                {version.note && <span className="w-full text-slate-700">{version.note}</span>}
                <span className="ml-auto flex items-center gap-1">
                  {version.id !== shown.id && <Link href={`${base}/${file.id}?v=${version.id}`} className="min-h-9 rounded-md px-3 py-2 text-sm text-brand-700 hover:bg-brand-50">{t('view')}</Link>}
                  {allowed.has('file.upload') && version.id !== file.version.id && (
                    <ActionButton action={restoreVersionAction} fields={{ fileId: file.id, versionId: version.id }} label={t('restoreVersion')} ariaLabel={t('restoreVersionNamed', { number: version.number })} />
                  )}
                </span>
              </li>
            ))}
          </ol>
        </section>
        <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="links-heading">
          <h3 id="links-heading" className="mb-2 font-medium text-slate-900">{t('attachedTo')}</h3>
          {attachments.length === 0 ? (
            <p className="text-sm text-slate-500">{t('notAttached')}</p>
          ) : (
            <ul className="space-y-1 text-sm" data-testid="attachment-links">
              {attachments.map((a) => (
                <li key={a.id}><Link href={a.href} className="text-brand-700 hover:underline">{a.label}</Link></li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <CommentThread target={{ type: 'file', id: file.id }} viewerId={user.id} {...thread} />
    </div>
  );
}
