'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useCallback, useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-status';
import type { ActionState } from '@/lib/http/authed-action';
import { ImprovementPageForm } from './improvement-page-form';
import { ImprovementTaskForm } from './improvement-task-form';
import { AddButton, GoalRows, TextRows, type GoalRow, type TextRow } from './retro-rows';

type VersionAction = (state: ActionState<number>, formData: FormData) => Promise<ActionState<number>>;

interface RetroEditorProps {
  spaceId: string;
  version: number;
  goals: GoalRow[];
  problems: TextRow[];
  /** As saved: the task and the knowledge page an improvement became, if any. */
  improvements: (TextRow & { task: { id: string; number: number } | null; pageId: string | null })[];
  summary: string;
  members: { id: string; name: string }[];
  viewerId: string;
  defaultDueDate: string;
  saveAction: VersionAction;
  completeAction: VersionAction;
  toTaskAction: VersionAction;
  toPageAction: VersionAction;
}

const newId = () => crypto.randomUUID();

/**
 * The guided retrospective for the space's leads: goals with outcome and evidence, problems,
 * improvements (each can become a task and a knowledge page), the summary. It saves on top of the version it was
 * opened with, so a lead who saved in between is not overwritten: the second save is refused.
 */
export function RetroEditor(props: RetroEditorProps) {
  const t = useTranslations('retro');
  // The version this editor saves on top of: the one it opened with, then whatever its own saves,
  // 转为任务 and 转为知识库页面 made (versions only rise). A refresh showing someone else's save does not move it.
  const [openedVersion] = useState(props.version);
  const [linkVersion, setLinkVersion] = useState(0);
  const [goals, setGoals] = useState(props.goals);
  const [problems, setProblems] = useState(props.problems);
  const [improvements, setImprovements] = useState<TextRow[]>(props.improvements.map(({ id, text }) => ({ id, text })));
  const [summary, setSummary] = useState(props.summary);
  const [saveState, save, saving] = useActionState(props.saveAction, null);
  const [completeState, complete, completing] = useActionState(props.completeAction, null);
  const version = Math.max(openedVersion, saveState?.ok ? saveState.data : 0, linkVersion);
  // Told here rather than by the row: once linked, the row's form is gone with the same refresh.
  const tracked = useCallback((action: VersionAction): VersionAction => async (previous, data) => {
    const result = await action(previous, data);
    if (result?.ok) setLinkVersion((current) => Math.max(current, result.data));
    return result;
  }, []);
  const { toTaskAction, toPageAction } = props;
  const toTask = useMemo(() => tracked(toTaskAction), [tracked, toTaskAction]);
  const toPage = useMemo(() => tracked(toPageAction), [tracked, toPageAction]);

  const state = completeState ?? saveState;
  const failed = state && !state.ok ? state : null;
  const errors = (name: string) => failed?.fieldErrors[name];
  const saved = new Map(props.improvements.map((i) => [i.id, i]));

  function submit(run: (data: FormData) => void) {
    const data = new FormData();
    data.set('spaceId', props.spaceId);
    data.set('version', String(version));
    data.set('goals', JSON.stringify(goals));
    data.set('problems', JSON.stringify(problems));
    data.set('improvements', JSON.stringify(improvements));
    data.set('summary', summary);
    startTransition(() => run(data));
  }

  const section = 'space-y-3 rounded-lg border border-slate-200 bg-white p-4 sm:p-6';
  return (
    <div className="space-y-6" data-testid="retro-editor">
      <section aria-labelledby="retro-goals" className={section}>
        <h2 id="retro-goals" className="text-base font-semibold text-slate-900">{t('goals')}</h2>
        <p className="text-sm text-slate-600">{t('goalsHint')}</p>
        <GoalRows rows={goals} onChange={setGoals} errors={errors} />
        <AddButton label={t('addGoal')} onClick={() => setGoals([...goals, { id: newId(), goal: '', outcome: null, evidence: '' }])} />
      </section>
      <section aria-labelledby="retro-problems" className={section}>
        <h2 id="retro-problems" className="text-base font-semibold text-slate-900">{t('problems')}</h2>
        <p className="text-sm text-slate-600">{t('problemsHint')}</p>
        <TextRows rows={problems} onChange={setProblems} field="problems" label={(n) => t('problem', { n })} errors={errors} />
        <AddButton label={t('addProblem')} onClick={() => setProblems([...problems, { id: newId(), text: '' }])} />
      </section>
      <section aria-labelledby="retro-improvements" className={section}>
        <h2 id="retro-improvements" className="text-base font-semibold text-slate-900">{t('improvements')}</h2>
        <p className="text-sm text-slate-600">{t('improvementsHint')}</p>
        <TextRows
          rows={improvements}
          onChange={setImprovements}
          field="improvements"
          label={(n) => t('improvement', { n })}
          errors={errors}
          extra={(row) => {
            const stored = saved.get(row.id);
            if (!stored) return <p className="mt-1 text-xs text-slate-500">{t('saveFirst')}</p>;
            return (
              <div className="mt-1 flex flex-wrap items-center gap-2">
                {stored.task ? (
                  <Link href={`/spaces/${props.spaceId}/tasks/${stored.task.id}`} className="text-sm text-brand-700 hover:underline" data-testid="improvement-task">
                    {t('becameTask', { number: stored.task.number })}
                  </Link>
                ) : (
                  <ImprovementTaskForm
                    spaceId={props.spaceId} improvementId={row.id} action={toTask} members={props.members}
                    defaultAssigneeId={props.viewerId} defaultDueDate={props.defaultDueDate}
                  />
                )}
                {stored.pageId ? (
                  <Link href={`/spaces/${props.spaceId}/kb/${stored.pageId}`} className="text-sm text-brand-700 hover:underline" data-testid="improvement-page">
                    {t('becamePage')}
                  </Link>
                ) : (
                  <ImprovementPageForm spaceId={props.spaceId} improvementId={row.id} action={toPage} />
                )}
              </div>
            );
          }}
        />
        <AddButton label={t('addImprovement')} onClick={() => setImprovements([...improvements, { id: newId(), text: '' }])} />
      </section>
      <section aria-labelledby="retro-summary" className={section}>
        <label id="retro-summary" htmlFor="retro-summary-text" className="text-base font-semibold text-slate-900">{t('summary')}</label>
        <textarea
          id="retro-summary-text" rows={4} value={summary} placeholder={t('summaryPlaceholder')} onChange={(e) => setSummary(e.target.value)}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100"
        />
        {errors('summary') && <p className="text-sm text-red-700">{errors('summary')!.join(' ')}</p>}
      </section>
      <div className="space-y-3">
        <FormMessage state={state} />
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="secondary" disabled={saving || completing} onClick={() => submit(save)} data-testid="retro-save">{t('save')}</Button>
          <Button
            type="button"
            disabled={saving || completing}
            data-testid="retro-complete"
            onClick={() => {
              if (window.confirm(t('completeConfirm'))) submit(complete);
            }}
          >
            {t('complete')}
          </Button>
        </div>
      </div>
    </div>
  );
}
