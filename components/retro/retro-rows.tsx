'use client';

import { Plus, Trash2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { GOAL_OUTCOMES, type GoalOutcome } from '@/lib/retro/rules';

// The editable lists of the retrospective: goals (with outcome and evidence), and plain text rows
// (problems, improvements). Rows carry ids made here, so the server keeps them across saves.

export interface GoalRow {
  id: string;
  goal: string;
  outcome: GoalOutcome | null;
  evidence: string;
}
export interface TextRow {
  id: string;
  text: string;
}

const input = 'block min-h-11 w-full rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100';
const border = (errors?: string[]) => (errors?.length ? 'border-red-500' : 'border-slate-300');

function Errors({ errors }: { errors?: string[] }) {
  return errors?.length ? <p className="mt-1 text-sm text-red-700">{errors.join(' ')}</p> : null;
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  const t = useTranslations('retro');
  return (
    <button type="button" onClick={onClick} aria-label={label} className="inline-flex min-h-9 items-center gap-1 rounded-md px-2 text-sm text-red-700 hover:bg-red-50">
      <Trash2 className="size-4" aria-hidden="true" />
      <span className="sr-only sm:not-sr-only">{t('remove')}</span>
    </button>
  );
}

export function AddButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" onClick={onClick} className="inline-flex min-h-10 items-center gap-1 rounded-md px-3 text-sm font-medium text-brand-700 hover:bg-brand-50">
      <Plus className="size-4" aria-hidden="true" />
      {label}
    </button>
  );
}

export function GoalRows({ rows, onChange, errors }: { rows: GoalRow[]; onChange: (rows: GoalRow[]) => void; errors: (name: string) => string[] | undefined }) {
  const t = useTranslations('retro');
  const update = (index: number, change: Partial<GoalRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <ol className="space-y-4">
      {rows.map((row, i) => (
        <li key={row.id} className="rounded-md border border-slate-200 p-3" data-testid="retro-goal">
          <div className="flex items-start gap-2">
            <label className="min-w-0 flex-1">
              <span className="mb-1 block text-sm font-medium text-slate-700">{t('goal', { n: i + 1 })}</span>
              <input value={row.goal} onChange={(e) => update(i, { goal: e.target.value })} className={`${input} ${border(errors(`goals.${i}.goal`))}`} />
              <Errors errors={errors(`goals.${i}.goal`)} />
            </label>
            <div className="pt-6"><RemoveButton label={t('removeLabel', { text: row.goal })} onClick={() => onChange(rows.filter((_, j) => j !== i))} /></div>
          </div>
          <fieldset className="mt-2">
            <legend className="mb-1 text-sm font-medium text-slate-700">{t('outcome')}</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {GOAL_OUTCOMES.map((outcome) => (
                <label key={outcome} className="inline-flex min-h-9 items-center gap-2 text-sm text-slate-800">
                  <input type="radio" name={`outcome-${row.id}`} checked={row.outcome === outcome} onChange={() => update(i, { outcome })} className="size-4" />
                  {t(`outcomes.${outcome}`)}
                </label>
              ))}
            </div>
            <Errors errors={errors(`goals.${i}.outcome`)} />
          </fieldset>
          <label className="mt-2 block">
            <span className="mb-1 block text-sm font-medium text-slate-700">{t('evidence')}</span>
            <textarea rows={2} value={row.evidence} placeholder={t('evidencePlaceholder')} onChange={(e) => update(i, { evidence: e.target.value })} className={`${input} ${border(errors(`goals.${i}.evidence`))}`} />
            <Errors errors={errors(`goals.${i}.evidence`)} />
          </label>
        </li>
      ))}
    </ol>
  );
}

interface TextRowsProps {
  rows: TextRow[];
  onChange: (rows: TextRow[]) => void;
  field: 'problems' | 'improvements';
  label: (n: number) => string;
  errors: (name: string) => string[] | undefined;
  /** What a row shows under its text (an improvement: its task, or 转为任务). */
  extra?: (row: TextRow) => ReactNode;
}

export function TextRows({ rows, onChange, field, label, errors, extra }: TextRowsProps) {
  const t = useTranslations('retro');
  return (
    <ol className="space-y-3">
      {rows.map((row, i) => (
        <li key={row.id} data-testid={`retro-${field}`}>
          <div className="flex items-start gap-2">
            <label className="min-w-0 flex-1">
              <span className="mb-1 block text-sm font-medium text-slate-700">{label(i + 1)}</span>
              <textarea rows={2} value={row.text} onChange={(e) => onChange(rows.map((r, j) => (j === i ? { ...r, text: e.target.value } : r)))} className={`${input} ${border(errors(`${field}.${i}.text`))}`} />
              <Errors errors={errors(`${field}.${i}.text`)} />
            </label>
            <div className="pt-6"><RemoveButton label={t('removeLabel', { text: row.text })} onClick={() => onChange(rows.filter((_, j) => j !== i))} /></div>
          </div>
          {extra?.(row)}
        </li>
      ))}
    </ol>
  );
}
