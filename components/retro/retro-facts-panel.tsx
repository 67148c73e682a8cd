import { getTranslations } from 'next-intl/server';
import { percent } from '@/lib/retro/fact-rules';
import type { RetroFacts } from '@/lib/retro/rules';

const cell = 'border-b border-slate-100 py-1.5 pr-3 text-left align-top';

/** The figures computed from the space, each with the rule it follows (live for a draft, the snapshot once completed). */
export async function RetroFactsPanel({ facts, live }: { facts: RetroFacts; live: boolean }) {
  const t = await getTranslations('retro');
  const figure = (label: string, value: string, testId: string, hint?: string) => (
    <div className="rounded-md bg-slate-50 p-3">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold text-slate-900" data-testid={testId}>{value}</dd>
      {hint && <dd className="mt-1 text-xs text-slate-500">{hint}</dd>}
    </div>
  );
  return (
    <section aria-labelledby="retro-facts" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6" data-testid="retro-facts">
      <div>
        <h2 id="retro-facts" className="text-base font-semibold text-slate-900">{t('facts.title')}</h2>
        <p className="text-sm text-slate-600" data-testid="retro-facts-mode">{live ? t('facts.live', { date: facts.asOf }) : t('facts.snapshot', { date: facts.asOf })}</p>
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {figure(t('facts.onTimeRate'), facts.onTimeRate === null ? '—' : percent(facts.onTimeRate), 'fact-on-time-rate',
          facts.onTimeRate === null ? t('facts.noneDone') : t('facts.onTimeRule', { onTime: facts.doneOnTime, done: facts.done }))}
        {figure(t('facts.total'), String(facts.totalTasks), 'fact-total', t('facts.overdueOpen') + ' ' + facts.overdueOpen)}
        {figure(t('facts.blockedTasks'), String(facts.blockedTasks), 'fact-blocked-tasks', `${t('facts.blockedEntries')} ${facts.blockedEntries}`)}
        {figure(t('facts.meanBlocked'), facts.meanBlockedDays === null ? t('facts.noBlocked') : t('facts.days', { days: facts.meanBlockedDays }), 'fact-mean-blocked', t('facts.blockedRule'))}
      </dl>
      <div>
        <h3 className="mb-2 text-sm font-semibold text-slate-900">{t('facts.byStatus')}</h3>
        <ul className="flex flex-wrap gap-2">
          {(['todo', 'in_progress', 'done', 'blocked'] as const).map((status) => (
            <li key={status} className="rounded-full border border-slate-200 px-3 py-1 text-sm text-slate-700">
              {t(`statuses.${status}`)} <span className="font-semibold" data-testid={`fact-status-${status}`}>{facts.byStatus[status]}</span>
            </li>
          ))}
        </ul>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="overflow-x-auto">
          <h3 className="mb-2 text-sm font-semibold text-slate-900">{t('facts.delayReasons')}</h3>
          {facts.delayReasons.length ? (
            <table className="w-full text-sm" data-testid="fact-delay-reasons">
              <thead><tr><th className={cell}>{t('facts.reason')}</th><th className={cell}>{t('facts.count')}</th></tr></thead>
              <tbody>{facts.delayReasons.map((r) => <tr key={r.reason}><td className={cell}>{r.reason}</td><td className={cell}>{r.count}</td></tr>)}</tbody>
            </table>
          ) : <p className="text-sm text-slate-500">{t('facts.noDelays')}</p>}
        </div>
        <div className="overflow-x-auto">
          <h3 className="mb-2 text-sm font-semibold text-slate-900">{t('facts.departments')}</h3>
          <table className="w-full text-sm" data-testid="fact-departments">
            <thead><tr><th className={cell}>{t('facts.department')}</th><th className={cell}>{t('facts.tasks')}</th><th className={cell}>{t('facts.done')}</th></tr></thead>
            <tbody>
              {facts.departments.map((d) => (
                <tr key={d.departmentId ?? 'none'}><td className={cell}>{d.name ?? t('facts.noDepartment')}</td><td className={cell}>{d.tasks}</td><td className={cell}>{d.done}</td></tr>
              ))}
            </tbody>
          </table>
          <p className="mt-1 text-xs text-slate-500">{t('facts.departmentsRule')}</p>
        </div>
      </div>
    </section>
  );
}
