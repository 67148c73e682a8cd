'use client';

import { MoreHorizontal } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { deleteItemAction, updateItemAction } from '@/lib/files/actions';

type Item = { fileId: string } | { folderId: string };

interface ItemMenuProps {
  item: Item;
  name: string;
  folderChoices: { id: string; label: string }[];
  currentFolderId: string | null;
}

function ItemFields({ item }: { item: Item }) {
  return 'fileId' in item ? <input type="hidden" name="fileId" value={item.fileId} /> : <input type="hidden" name="folderId" value={item.folderId} />;
}

/** 更多: rename, move and delete one file or folder, in a disclosure that works by keyboard. */
export function ItemMenu({ item, name, folderChoices, currentFolderId }: ItemMenuProps) {
  const t = useTranslations('files');
  const [renamed, rename, renaming] = useActionState(updateItemAction, null);
  const [moved, move, moving] = useActionState(updateItemAction, null);
  const [deleted, remove, deleting] = useActionState(deleteItemAction, null);
  const problem = [renamed, moved, deleted].find((s) => s && !s.ok);
  return (
    <details className="relative" data-testid="item-menu">
      <summary className="flex size-9 cursor-pointer list-none items-center justify-center rounded-md text-slate-500 hover:bg-slate-100" aria-label={t('moreFor', { name })}>
        <MoreHorizontal className="size-5" aria-hidden="true" />
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-72 space-y-3 rounded-lg border border-slate-200 bg-white p-3 shadow-lg">
        <form action={rename} className="space-y-1">
          <ItemFields item={item} />
          <label className="block text-xs font-medium text-slate-600">
            {t('rename')}
            <input name="name" defaultValue={name} required maxLength={200} className="mt-1 min-h-9 w-full rounded-md border border-slate-300 px-2 text-sm" />
          </label>
          <Button type="submit" variant="secondary" disabled={renaming} className="w-full">{t('save')}</Button>
        </form>
        <form action={move} className="space-y-1">
          <ItemFields item={item} />
          <label className="block text-xs font-medium text-slate-600">
            {t('moveTo')}
            <select name="targetFolderId" defaultValue={currentFolderId ?? ''} className="mt-1 min-h-9 w-full rounded-md border border-slate-300 px-2 text-sm">
              <option value="">{t('allFiles')}</option>
              {folderChoices.map((choice) => <option key={choice.id} value={choice.id}>{choice.label}</option>)}
            </select>
          </label>
          <Button type="submit" variant="secondary" disabled={moving} className="w-full">{t('move')}</Button>
        </form>
        <form
          action={remove}
          onSubmit={(event) => {
            if (!window.confirm(t('deleteConfirm', { name }))) event.preventDefault();
          }}
        >
          <ItemFields item={item} />
          <button type="submit" disabled={deleting} className="min-h-9 w-full rounded-md text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-50">
            {t('delete')}
          </button>
        </form>
        {problem && !problem.ok && <p role="alert" className="text-xs text-red-700">{Object.values(problem.fieldErrors)[0]?.[0] ?? problem.message}</p>}
      </div>
    </details>
  );
}
