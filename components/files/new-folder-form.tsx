'use client';

import { FolderPlus } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ActionState } from '@/lib/http/authed-action';
import { Button } from '@/components/ui/button';
import { fieldHelpers } from '@/components/ui/form-status';
import { useFormAction } from '@/components/ui/use-form-action';
import { createFolderAction } from '@/lib/files/actions';

/** 新建文件夹: a button that opens a one-field form in place. */
export function NewFolderForm({ spaceId, parentId }: { spaceId: string; parentId: string | null }) {
  const t = useTranslations('files');
  const [open, setOpen] = useState(false);
  const { state, onSubmit, pending } = useFormAction(createFolderAction);
  const { errors } = fieldHelpers(state);
  // A folder made closes the form; opening it again starts from that outcome.
  const [openedAfter, setOpenedAfter] = useState<ActionState<void>>(null);
  if (!open || (state?.ok && state !== openedAfter)) {
    return (
      <Button variant="secondary" onClick={() => { setOpen(true); setOpenedAfter(state); }}>
        <FolderPlus className="size-4" aria-hidden="true" />
        {t('newFolder')}
      </Button>
    );
  }
  const nameErrors = errors('name') ?? errors('parentId');
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-start gap-2" data-testid="new-folder-form">
      <input type="hidden" name="spaceId" value={spaceId} />
      <input type="hidden" name="parentId" value={parentId ?? ''} />
      <div>
        <input
          name="name"
          required
          autoFocus
          maxLength={200}
          aria-label={t('folderName')}
          placeholder={t('folderName')}
          aria-invalid={nameErrors ? true : undefined}
          onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}
          className="min-h-10 rounded-md border border-slate-300 px-3 text-sm"
        />
        {nameErrors && <p className="mt-1 text-xs text-red-700" role="alert">{nameErrors[0]}</p>}
      </div>
      <Button type="submit" disabled={pending}>{t('create')}</Button>
      <Button variant="ghost" onClick={() => setOpen(false)}>{t('cancel')}</Button>
    </form>
  );
}
