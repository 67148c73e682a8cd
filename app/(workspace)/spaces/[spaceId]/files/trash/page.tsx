import { Trash2 } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { FileIcon } from '@/components/files/file-icon';
import { ActionButton } from '@/components/ui/action-button';
import { EmptyState } from '@/components/ui/empty-state';
import { userActor } from '@/lib/auth/actor';
import { purgeItemAction, restoreItemAction } from '@/lib/files/actions';
import { formatBytes } from '@/lib/files/format';
import { recycleBin } from '@/lib/files/queries';
import { purgeAfter } from '@/lib/files/rules';
import { loadOrNotFound } from '@/lib/http/page-data';
import { getSpacePageData } from '@/lib/spaces/page-data';

interface TrashPageProps {
  params: Promise<{ spaceId: string }>;
}

export async function generateMetadata({ params }: TrashPageProps): Promise<Metadata> {
  const [{ space }, t] = await Promise.all([getSpacePageData((await params).spaceId), getTranslations('files')]);
  return { title: `${t('binTitle')} · ${space.name}` };
}

/** 回收站 of the library (space admins and owners): restore, or delete for good. */
export default async function TrashPage({ params }: TrashPageProps) {
  const { spaceId } = await params;
  const [{ user, space }, t, format] = await Promise.all([getSpacePageData(spaceId), getTranslations('files'), getFormatter()]);
  const bin = await loadOrNotFound(() => recycleBin(userActor(user), space.id));
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium' });
  const items = [
    ...bin.folders.map((f) => ({ key: f.id, fields: { folderId: f.id }, name: f.name, kind: 'folder' as const, mime: undefined, detail: t('folderItem'), deletedAt: f.deletedAt! })),
    ...bin.files.map((f) => ({ key: f.id, fields: { fileId: f.id }, name: f.name, kind: f.version.kind, mime: f.version.mime, detail: formatBytes(f.version.sizeBytes), deletedAt: f.deletedAt! })),
  ].sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold text-slate-900">{t('binTitle')}</h2>
        <Link href={`/spaces/${space.id}/files`} className="text-sm text-brand-700 hover:underline">{t('allFiles')}</Link>
      </div>
      <p className="text-sm text-slate-600">{t('binExplain')}</p>
      {items.length === 0 ? (
        <EmptyState icon={<Trash2 className="size-8" aria-hidden="true" />} title={t('binEmpty')} />
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="bin-list">
          {items.map((item) => (
            <li key={item.key} className="flex flex-wrap items-center gap-3 px-4 py-2" data-testid="bin-row">
              <FileIcon kind={item.kind} mime={item.mime} />
              <div className="min-w-0 flex-1">
                <p className="truncate text-slate-900">{item.name}</p>
                <p className="text-xs text-slate-500">{item.detail} · {t('purgeOn', { when: when(purgeAfter(new Date(item.deletedAt))) })}</p>
              </div>
              <ActionButton action={restoreItemAction} fields={item.fields} label={t('restore')} />
              <ActionButton action={purgeItemAction} fields={item.fields} label={t('purge')} tone="danger" confirm={t('purgeConfirm', { name: item.name })} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
