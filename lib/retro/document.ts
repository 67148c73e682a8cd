import { createTranslator } from 'next-intl';
import { utcToZonedTime } from '@/lib/dates';
import type { Locale } from '@/lib/i18n/config';
import { loadMessages } from '@/lib/i18n/messages';
import { percent } from './fact-rules';
import type { RetroView } from './queries';

/**
 * The retrospective as a plain document (title, key facts, sections of paragraphs and tables),
 * in the reader's language: the .docx, the .pdf and the space export's HTML all render this,
 * so the three say the same.
 */
export interface RetroDocument {
  title: string;
  meta: [label: string, value: string][];
  sections: RetroSection[];
}
export interface RetroSection {
  heading: string;
  paragraphs?: string[];
  table?: { header: string[]; rows: string[][] };
  note?: string;
}

export function retroDocument(view: RetroView, locale: Locale, timeZone: string, now = new Date()): RetroDocument {
  const t = createTranslator({ locale, messages: loadMessages(locale), namespace: 'retro' });
  const f = view.facts;
  const none = t('doc.none');
  const list = (items: string[]) => (items.length ? items : [none]);
  const outcome = (value: string | null) => t(`outcomes.${value ?? 'unset'}` as 'outcomes.unset');
  return {
    title: `${view.space.name} · ${t('title')}`,
    meta: [
      [t('doc.space'), view.space.name],
      [t('doc.period'), `${view.space.startDate} – ${view.space.endDate}`],
      [t('doc.status'), view.status === 'completed' && view.completedAt
        ? t('completedBy', { name: view.completedByName ?? '—', date: utcToZonedTime(view.completedAt, timeZone).slice(0, 10) })
        : t('statusDraft')],
      [t('doc.exportedAt'), utcToZonedTime(now, timeZone).replace('T', ' ').slice(0, 16)],
    ],
    sections: [
      {
        heading: t('goals'),
        table: { header: [t('goalColumn'), t('outcome'), t('evidence')], rows: view.goals.map((g) => [g.goal, outcome(g.outcome), g.evidence]) },
      },
      { heading: t('problems'), paragraphs: list(view.problems.map((p) => p.text)) },
      {
        heading: t('improvements'),
        paragraphs: list(view.improvements.map((i) => (i.task ? `${i.text} (${t('becameTask', { number: i.task.number })})` : i.text))),
      },
      { heading: t('summary'), paragraphs: list(view.summary ? view.summary.split(/\r?\n/).filter(Boolean) : []) },
      {
        heading: t('facts.title'),
        table: {
          header: ['', ''],
          rows: [
            [t('facts.onTimeRate'), f.onTimeRate === null ? t('facts.noneDone') : `${percent(f.onTimeRate)} (${f.doneOnTime} / ${f.done})`],
            [t('facts.total'), String(f.totalTasks)],
            ...(['todo', 'in_progress', 'done', 'blocked'] as const).map((s) => [t(`statuses.${s}`), String(f.byStatus[s])]),
            [t('facts.overdueOpen'), String(f.overdueOpen)],
            [t('facts.blockedTasks'), String(f.blockedTasks)],
            [t('facts.meanBlocked'), f.meanBlockedDays === null ? t('facts.noBlocked') : t('facts.days', { days: f.meanBlockedDays })],
          ],
        },
        note: [view.liveFacts ? t('facts.live', { date: f.asOf }) : t('facts.snapshot', { date: f.asOf }), t('facts.onTimeRule', { onTime: f.doneOnTime, done: f.done }), t('facts.blockedRule')].join(' '),
      },
      {
        heading: t('facts.delayReasons'),
        table: { header: [t('facts.reason'), t('facts.count')], rows: f.delayReasons.length ? f.delayReasons.map((r) => [r.reason, String(r.count)]) : [[t('facts.noDelays'), '']] },
      },
      {
        heading: t('facts.departments'),
        table: {
          header: [t('facts.department'), t('facts.tasks'), t('facts.done')],
          rows: f.departments.map((d) => [d.name ?? t('facts.noDepartment'), String(d.tasks), String(d.done)]),
        },
        note: t('facts.departmentsRule'),
      },
    ],
  };
}
