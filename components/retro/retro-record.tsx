import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { improvementToPageAction, improvementToTaskAction } from '@/lib/retro/actions';
import type { RetroView } from '@/lib/retro/queries';
import { ImprovementPageForm } from './improvement-page-form';
import { ImprovementTaskForm } from './improvement-task-form';

const section = 'space-y-2 rounded-lg border border-slate-200 bg-white p-4 sm:p-6';

interface RetroRecordProps {
  view: RetroView;
  /** For leads of a completed retrospective: improvements can still become tasks and pages (follow-up starts now). */
  taskForm?: { members: { id: string; name: string }[]; viewerId: string; defaultDueDate: string };
}

/** The retrospective to read: for observers, for a completed record and in an archived space. */
export async function RetroRecord({ view, taskForm }: RetroRecordProps) {
  const t = await getTranslations('retro');
  const empty = <p className="text-sm text-slate-500">{t('empty')}</p>;
  return (
    <div className="space-y-6" data-testid="retro-record">
      <section aria-labelledby="retro-goals" className={section}>
        <h2 id="retro-goals" className="text-base font-semibold text-slate-900">{t('goals')}</h2>
        {view.goals.length ? (
          <ol className="space-y-3">
            {view.goals.map((g) => (
              <li key={g.id} data-testid="retro-goal">
                <p className="font-medium text-slate-900">{g.goal}</p>
                <p className="text-sm text-slate-700">
                  <span className="rounded bg-slate-100 px-1.5 py-0.5" data-testid="retro-goal-outcome">{t(`outcomes.${g.outcome ?? 'unset'}`)}</span>
                  {g.evidence && <span className="ml-2 whitespace-pre-line">{g.evidence}</span>}
                </p>
              </li>
            ))}
          </ol>
        ) : empty}
      </section>
      <section aria-labelledby="retro-problems" className={section}>
        <h2 id="retro-problems" className="text-base font-semibold text-slate-900">{t('problems')}</h2>
        {view.problems.length ? <ul className="list-disc space-y-1 pl-5 text-slate-800">{view.problems.map((p) => <li key={p.id} className="whitespace-pre-line">{p.text}</li>)}</ul> : empty}
      </section>
      <section aria-labelledby="retro-improvements" className={section}>
        <h2 id="retro-improvements" className="text-base font-semibold text-slate-900">{t('improvements')}</h2>
        {view.improvements.length ? (
          <ul className="list-disc space-y-1 pl-5 text-slate-800">
            {view.improvements.map((i) => (
              <li key={i.id}>
                <span className="whitespace-pre-line">{i.text}</span>
                {i.task && (
                  <Link href={`/spaces/${view.space.id}/tasks/${i.task.id}`} className="ml-2 text-sm text-brand-700 hover:underline" data-testid="improvement-task">
                    {t('becameTask', { number: i.task.number })}
                  </Link>
                )}
                {!i.task && taskForm && view.canEdit && (
                  <ImprovementTaskForm spaceId={view.space.id} improvementId={i.id} action={improvementToTaskAction} {...taskForm} defaultAssigneeId={taskForm.viewerId} />
                )}
                {i.pageId && (
                  <Link href={`/spaces/${view.space.id}/kb/${i.pageId}`} className="ml-2 text-sm text-brand-700 hover:underline" data-testid="improvement-page">
                    {t('becamePage')}
                  </Link>
                )}
                {!i.pageId && taskForm && view.canEdit && <ImprovementPageForm spaceId={view.space.id} improvementId={i.id} action={improvementToPageAction} />}
              </li>
            ))}
          </ul>
        ) : empty}
      </section>
      <section aria-labelledby="retro-summary" className={section}>
        <h2 id="retro-summary" className="text-base font-semibold text-slate-900">{t('summary')}</h2>
        {view.summary ? <p className="whitespace-pre-line text-slate-800">{view.summary}</p> : empty}
      </section>
    </div>
  );
}
