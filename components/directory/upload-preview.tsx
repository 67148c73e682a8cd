'use client';

import { Upload } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState, useTransition, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { SHEET_MAX_BYTES, XLSX_CONTENT_TYPE } from '@/lib/sheets/limits';

interface Answer {
  id?: string;
  error?: { message?: string; fields?: Record<string, string[]> };
}

/** Uploads a staff list for a dry run, then opens the run's diff; a refused file is explained inline. */
export function UploadPreview() {
  const t = useTranslations('directory');
  const tSheets = useTranslations('sheets');
  const tErrors = useTranslations('errors');
  const router = useRouter();
  const inputId = useId();
  const errorId = useId();
  const [error, setError] = useState<string | null>(null);
  const [hasFile, setHasFile] = useState(false);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = new FormData(event.currentTarget);
    const file = body.get('file');
    if (!(file instanceof File) || !file.size) return;
    // Checked here only to answer at once; the server checks again.
    if (file.size > SHEET_MAX_BYTES) return setError(tSheets('problems.sheetTooLarge'));
    setError(null);
    startTransition(async () => {
      const response = await fetch('/api/v1/directory/file/preview', { method: 'POST', body }).catch(() => null);
      const answer = (await response?.json().catch(() => null)) as Answer | null;
      if (response?.ok && answer?.id) return router.push(`/admin/directory?run=${answer.id}`);
      setError(answer?.error?.fields?.file?.[0] ?? answer?.error?.message ?? tErrors('server'));
    });
  }

  return (
    <form onSubmit={submit} className="space-y-2" aria-busy={pending} data-testid="directory-upload">
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">{t('file')}</label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={inputId}
          name="file"
          type="file"
          required
          accept={`.csv,text/csv,.xlsx,${XLSX_CONTENT_TYPE}`}
          aria-describedby={error ? errorId : undefined}
          aria-invalid={error ? true : undefined}
          disabled={pending}
          onChange={(event) => setHasFile(Boolean(event.target.files?.length))}
          className="min-w-0 max-w-full text-sm text-slate-700 file:mr-3 file:min-h-10 file:cursor-pointer file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-50"
        />
        <Button type="submit" disabled={pending || !hasFile}>
          <Upload aria-hidden="true" className="size-4" />
          {pending ? t('uploading') : t('preview')}
        </Button>
      </div>
      {error && (
        <p id={errorId} role="status" data-testid="directory-upload-error" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
