'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useActionState, useCallback } from 'react';
import { Button } from '@/components/ui/button';
import { attachFileAction } from '@/lib/files/actions';
import type { AttachmentTarget } from '@/lib/files/rules';
import { UploadPanel } from './upload-panel';

interface AttachPickerProps {
  spaceId: string;
  target: { type: AttachmentTarget; id: string };
  maxBytes: number;
  choices: { id: string; name: string }[];
}

/**
 * Adds attachments: a file already in the space's library, or a new upload, which goes into the
 * library (so it is found there too, with a link back) and is attached as soon as it is stored.
 */
export function AttachPicker({ spaceId, target, maxBytes, choices }: AttachPickerProps) {
  const t = useTranslations('files');
  const router = useRouter();
  const [state, formAction, pending] = useActionState(attachFileAction, null);
  const attachUploaded = useCallback(async (file: { id: string }) => {
    await fetch(`/api/v1/files/${file.id}/attachments`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ targetType: target.type, targetId: target.id }),
    });
    router.refresh();
  }, [router, target.id, target.type]);
  return (
    <div className="mt-3 flex flex-wrap items-end gap-3 border-t border-slate-100 pt-3">
      {choices.length > 0 && (
        <form action={formAction} className="flex w-full min-w-0 flex-wrap items-end gap-2 sm:w-auto">
          <input type="hidden" name="targetType" value={target.type} />
          <input type="hidden" name="targetId" value={target.id} />
          <label className="min-w-0 flex-1 text-xs font-medium text-slate-600 sm:flex-none">
            {t('attachFromLibrary')}
            <select name="fileId" required className="mt-1 block min-h-10 w-full rounded-md border border-slate-300 px-2 text-sm sm:w-64" defaultValue="">
              <option value="" disabled>{t('pickFile')}</option>
              {choices.map((choice) => <option key={choice.id} value={choice.id}>{choice.name}</option>)}
            </select>
          </label>
          <Button type="submit" variant="secondary" disabled={pending}>{t('attach')}</Button>
          {state && !state.ok && <p role="alert" className="w-full text-xs text-red-700">{Object.values(state.fieldErrors)[0]?.[0] ?? state.message}</p>}
        </form>
      )}
      <UploadPanel url={`/api/v1/spaces/${spaceId}/files?conflict=rename`} maxBytes={maxBytes} label={t('uploadAttachment')} onUploaded={attachUploaded} testId="attachment-upload" />
    </div>
  );
}
