'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { PreviewSheet } from '@/lib/files/preview/types';

/** An Excel workbook's sheets as tabs, each a table (row and column numbers as in Excel). */
export function SheetTabs({ sheets, truncatedSheets }: { sheets: PreviewSheet[]; truncatedSheets: boolean }) {
  const t = useTranslations('files');
  const [current, setCurrent] = useState(0);
  const sheet = sheets[current];
  const columnName = (n: number) => {
    let name = '';
    for (let i = n + 1; i > 0; i = Math.floor((i - 1) / 26)) name = String.fromCharCode(65 + ((i - 1) % 26)) + name;
    return name;
  };
  return (
    <div data-testid="sheet-preview">
      <div role="tablist" aria-label={t('sheets')} className="mb-2 flex gap-1 overflow-x-auto">
        {sheets.map((s, i) => (
          <button
            key={`${s.name}-${i}`}
            type="button"
            role="tab"
            aria-selected={i === current}
            onClick={() => setCurrent(i)}
            className={`shrink-0 rounded-t-md border-b-2 px-3 py-1.5 text-sm ${i === current ? 'border-brand-600 font-medium text-brand-800' : 'border-transparent text-slate-600 hover:bg-slate-50'}`}
          >
            {s.name}
          </button>
        ))}
      </div>
      {sheet && (
        <div role="tabpanel" className="max-h-[70vh] overflow-auto rounded border border-slate-200">
          {sheet.rows.length === 0 ? (
            <p className="p-4 text-sm text-slate-500">{t('sheetEmpty')}</p>
          ) : (
            <table className="border-collapse text-sm">
              <thead className="sticky top-0 bg-slate-100 text-xs text-slate-500">
                <tr>
                  <th scope="col" className="border border-slate-200 px-2" />
                  {sheet.rows[0]!.map((_, c) => <th key={c} scope="col" className="border border-slate-200 px-2 font-normal">{columnName(c)}</th>)}
                </tr>
              </thead>
              <tbody>
                {sheet.rows.map((row, r) => (
                  <tr key={r}>
                    <th scope="row" className="border border-slate-200 bg-slate-50 px-2 text-xs font-normal text-slate-500">{r + 1}</th>
                    {row.map((cell, c) => <td key={c} className="max-w-xs truncate whitespace-pre border border-slate-200 px-2 py-1 text-slate-800" title={cell.length > 40 ? cell : undefined}>{cell}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      {(sheet?.truncatedRows || sheet?.truncatedColumns || truncatedSheets) && <p className="mt-2 text-xs text-slate-500">{t('sheetTruncated')}</p>}
    </div>
  );
}
