'use client';

import { Download, Upload } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState, useTransition, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { SHEET_MAX_BYTES, XLSX_CONTENT_TYPE } from '@/lib/sheets/limits';

interface RowProblem {
  row: number;
  column: string;
  message: string;
}

interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  /** Tasks moved later with a task they wait on (the 跨部门任务表 only). */
  rescheduled?: number;
}

type Outcome = ({ kind: 'imported' } & ImportCounts) | { kind: 'refused'; message: string; rows: RowProblem[] };

interface ErrorBody {
  error?: { message?: string; fields?: Record<string, string[]>; rows?: RowProblem[] };
}

interface SheetTransferProps {
  /** The table's route: GET downloads the .xlsx, POST imports one. */
  url: string;
  /** The catalogue namespace of the table's own texts: hint, summary (and rescheduled). */
  namespace: 'taskTable' | 'progressTable';
  canImport: boolean;
  testId: string;
}

/**
 * A table of the space as Excel: a download for everyone who sees it and, for those who may
 * change what it holds, an upload that reports what changed or every row to fix.
 */
export function SheetTransfer({ url, namespace, canImport, testId }: SheetTransferProps) {
  const t = useTranslations('sheets');
  const tTable = useTranslations(namespace);
  const tErrors = useTranslations('errors');
  const router = useRouter();
  const inputId = useId();
  const hintId = useId();
  const [hasFile, setHasFile] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const body = new FormData(form);
    const file = body.get('file');
    if (!(file instanceof File) || !file.size) return;
    // Checked here only to answer at once; the server checks again.
    if (file.size > SHEET_MAX_BYTES) return setOutcome({ kind: 'refused', message: t('problems.sheetTooLarge'), rows: [] });
    setOutcome(null);
    startTransition(async () => {
      const response = await fetch(url, { method: 'POST', body }).catch(() => null);
      const answer: unknown = await response?.json().catch(() => null);
      if (response?.ok) {
        setOutcome({ kind: 'imported', ...(answer as ImportCounts) });
        form.reset();
        setHasFile(false);
        router.refresh();
        return;
      }
      const error = (answer as ErrorBody | null)?.error;
      setOutcome({ kind: 'refused', message: error?.fields?.file?.[0] ?? error?.message ?? tErrors('server'), rows: error?.rows ?? [] });
    });
  }

  return (
    <div className="space-y-3" data-testid={testId}>
      <div className="flex flex-wrap items-center gap-2">
        <a
          href={url}
          download
          className="inline-flex min-h-10 items-center justify-center gap-2 rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-50"
        >
          <Download aria-hidden="true" className="size-4" />
          {t('export')}
        </a>
        {canImport && (
          <form onSubmit={submit} className="flex min-w-0 flex-wrap items-center gap-2" aria-busy={pending}>
            <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
              {t('import')}
            </label>
            <input
              id={inputId}
              name="file"
              type="file"
              required
              accept={`.xlsx,${XLSX_CONTENT_TYPE}`}
              aria-describedby={hintId}
              disabled={pending}
              onChange={(event) => setHasFile(Boolean(event.target.files?.length))}
              className="min-w-0 max-w-full text-sm text-slate-700 file:mr-3 file:min-h-10 file:cursor-pointer file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-50"
            />
            <Button type="submit" disabled={pending || !hasFile}>
              <Upload aria-hidden="true" className="size-4" />
              {pending ? t('importing') : t('submit')}
            </Button>
          </form>
        )}
      </div>
      {canImport && (
        <p id={hintId} className="text-xs text-slate-600">
          {tTable('hint')}
        </p>
      )}
      <div aria-live="polite">
        {outcome?.kind === 'imported' && (
          <p role="status" data-testid="sheet-imported" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
            {t('summary', { created: outcome.created, updated: outcome.updated, unchanged: outcome.unchanged })}
            {Boolean(outcome.rescheduled) && <> · {tTable('rescheduled', { count: outcome.rescheduled ?? 0 })}</>}
          </p>
        )}
        {outcome?.kind === 'refused' && <ImportProblems message={outcome.message} rows={outcome.rows} />}
      </div>
    </div>
  );
}

/** Why nothing was imported, and each row to fix: 第 N 行 · 列 · 问题. */
function ImportProblems({ message, rows }: { message: string; rows: RowProblem[] }) {
  const t = useTranslations('sheets');
  return (
    <div data-testid="sheet-problems" className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
      <p>{message}</p>
      {rows.length > 0 && (
        // Scrolls on its own, so a long list does not push the page away on a phone.
        <div role="region" aria-label={t('problemsCaption')} tabIndex={0} className="max-h-80 overflow-auto rounded border border-red-100 bg-white">
          <table className="w-full text-left text-sm text-slate-800">
            <caption className="sr-only">{t('problemsCaption')}</caption>
            <thead className="sticky top-0 bg-slate-50 text-xs text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">{t('row')}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t('column')}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t('problem')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((problem, index) => (
                <tr key={`${problem.row}-${problem.column}-${index}`}>
                  <td className="whitespace-nowrap px-3 py-2 align-top">{t('rowNumber', { row: problem.row })}</td>
                  <td className="whitespace-nowrap px-3 py-2 align-top">{problem.column}</td>
                  <td className="px-3 py-2 align-top">{problem.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
