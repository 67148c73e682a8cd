import { getTranslations } from 'next-intl/server';
import type { PlanSkip } from '@/lib/directory/plan';
import type { ReportLine, SyncReport } from '@/lib/directory/report';

type T = Awaited<ReturnType<typeof getTranslations<'directory'>>>;

const FIELDS = ['name', 'email', 'phone', 'title', 'employeeId', 'department', 'parent', 'reason'] as const;

function fieldLabel(t: T, field: string) {
  return (FIELDS as readonly string[]).includes(field) ? t(`fields.${field as (typeof FIELDS)[number]}`) : field;
}

function valueText(t: T, field: string, value: string | null) {
  if (value === null || value === '') return t('none');
  if (field === 'reason' && (value === 'leftSource' || value === 'inactiveInSource')) return t(`deactivationReasons.${value}`);
  return value;
}

/** A reason code of our catalogue, with its values; a source's own free text as written. */
function reasonText(t: T, skip: PlanSkip) {
  const key = `reasons.${skip.reason}`;
  return t.has(key as 'reasons.noEmail') ? t(key as 'reasons.noEmail', skip.values ?? {}) : skip.reason;
}

function Lines({ lines, t }: { lines: ReportLine[]; t: T }) {
  return (
    <ul className="divide-y divide-slate-100">
      {lines.map((line, index) => (
        <li key={index} className="px-4 py-2 text-sm">
          <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{t(`kinds.${line.kind}`)}</span>
          <span className="font-medium break-all text-slate-900">{line.record}</span>
          {line.changes.length > 0 && (
            <ul className="mt-1 space-y-0.5 text-slate-600">
              {line.changes.map((change) => (
                <li key={change.field} className="break-all">
                  {fieldLabel(t, change.field)}：
                  {change.from !== null && <><del className="text-slate-500">{valueText(t, change.field, change.from)}</del> → </>}
                  <span className="text-slate-900">{valueText(t, change.field, change.to)}</span>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

function Skips({ skips, t }: { skips: PlanSkip[]; t: T }) {
  return (
    <ul className="divide-y divide-slate-100">
      {skips.map((skip, index) => (
        <li key={index} className="flex flex-col gap-0.5 px-4 py-2 text-sm sm:flex-row sm:gap-3">
          <span className="font-medium break-all text-slate-900 sm:w-64 sm:shrink-0">{skip.record}</span>
          <span className="text-slate-700">{reasonText(t, skip)}</span>
        </li>
      ))}
    </ul>
  );
}

/** The diff of a run, grouped: new, changed, deactivated, reactivated, skipped (with reasons), notes. */
export async function RunReport({ report }: { report: SyncReport }) {
  const t = await getTranslations('directory');
  const groups = [
    { key: 'created', lines: report.created },
    { key: 'changed', lines: report.changed },
    { key: 'deactivated', lines: report.deactivated },
    { key: 'reactivated', lines: report.reactivated },
  ] as const;
  const shown = groups.filter((g) => g.lines.length);
  const skips = [{ key: 'skipped', list: report.skipped }, { key: 'warnings', list: report.warnings }] as const;
  return (
    <div className="space-y-3" data-testid="run-report">
      {!shown.length && <p className="rounded-md border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700">{t('nothingToChange')}</p>}
      {shown.map((group) => (
        <section key={group.key} className="rounded-lg border border-slate-200 bg-white" data-testid={`report-${group.key}`}>
          <h3 className="border-b border-slate-100 px-4 py-2 text-sm font-semibold text-slate-900">{t(`groups.${group.key}`)} ({group.lines.length})</h3>
          <Lines lines={group.lines} t={t} />
        </section>
      ))}
      {skips.filter((s) => s.list.length).map((s) => (
        <section key={s.key} className="rounded-lg border border-amber-200 bg-amber-50/40" data-testid={`report-${s.key}`}>
          <h3 className="border-b border-amber-100 px-4 py-2 text-sm font-semibold text-amber-900">{t(`groups.${s.key}`)} ({s.list.length})</h3>
          <Skips skips={s.list} t={t} />
        </section>
      ))}
      {report.truncated && <p className="text-xs text-slate-600">{t('truncated')}</p>}
    </div>
  );
}
