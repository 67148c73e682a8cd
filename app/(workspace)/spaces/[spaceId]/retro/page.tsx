import { FileDown } from 'lucide-react';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { RefreshOnEvents } from '@/components/realtime/refresh-on-events';
import { RetroEditor } from '@/components/retro/retro-editor';
import { RetroFactsPanel } from '@/components/retro/retro-facts-panel';
import { RetroRecord } from '@/components/retro/retro-record';
import { ActionButton } from '@/components/ui/action-button';
import { userActor } from '@/lib/auth/actor';
import { addDays, utcToZonedTime } from '@/lib/dates';
import { loadOrNotFound } from '@/lib/http/page-data';
import { timeZoneOf, todayFor } from '@/lib/org/time-zone';
import { completeRetroAction, improvementToPageAction, improvementToTaskAction, reopenRetroAction, saveRetroAction } from '@/lib/retro/actions';
import { getRetrospective } from '@/lib/retro/queries';
import { archiveSpaceAction } from '@/lib/spaces/actions';
import { getSpacePageData } from '@/lib/spaces/page-data';

interface RetroPageProps {
  params: Promise<{ spaceId: string }>;
}

export async function generateMetadata({ params }: RetroPageProps): Promise<Metadata> {
  const [{ space }, t] = await Promise.all([getSpacePageData((await params).spaceId), getTranslations('retro')]);
  return { title: `${t('title')} · ${space.name}` };
}

const exportLink = 'inline-flex min-h-10 items-center gap-1 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-50';

/** 复盘: the guided retrospective of the space, with the facts computed from it. */
export default async function RetroPage({ params }: RetroPageProps) {
  const { spaceId } = await params;
  const [{ user, space, members, allowed }, t, ts] = await Promise.all([getSpacePageData(spaceId), getTranslations('retro'), getTranslations('spaces')]);
  const view = await loadOrNotFound(() => getRetrospective(userActor(user), space.id));
  const completed = view.status === 'completed';
  const today = todayFor(user);
  const exportBase = `/api/v1/spaces/${space.id}/retrospective/export`;
  const editorMembers = members.filter((m) => m.role !== 'observer').map((m) => ({ id: m.userId, name: m.name }));
  const defaultDueDate = space.endDate > today ? space.endDate : addDays(today, 14);
  const readOnlyNote = space.status === 'archived' ? t('readOnlyArchived') : !view.canEdit ? t('readOnlyObserver') : null;
  return (
    <div className="space-y-6">
      <RefreshOnEvents types={['retro.changed', 'task.changed']} viewerId={user.id} />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="flex items-center gap-2 text-xl font-semibold text-slate-900">
            {t('title')}
            <span className={`rounded px-2 py-0.5 text-sm font-normal ${completed ? 'bg-green-100 text-green-800' : 'bg-slate-100 text-slate-700'}`} data-testid="retro-status">
              {completed ? t('statusCompleted') : t('statusDraft')}
            </span>
          </h2>
          <p className="mt-1 max-w-2xl text-sm text-slate-600">
            {completed && view.completedAt
              ? t('completedBy', { name: view.completedByName ?? '—', date: utcToZonedTime(view.completedAt, timeZoneOf(user)).slice(0, 10) })
              : t('intro')}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <a href={`${exportBase}?format=docx`} className={exportLink} data-testid="retro-export-docx"><FileDown className="size-4" aria-hidden="true" />{t('exportDocx')}</a>
          <a href={`${exportBase}?format=pdf`} className={exportLink} data-testid="retro-export-pdf"><FileDown className="size-4" aria-hidden="true" />{t('exportPdf')}</a>
        </div>
      </div>
      {readOnlyNote && <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700" role="status">{readOnlyNote}</p>}
      {completed && allowed.has('space.archive') && (
        <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-green-200 bg-green-50 px-3 py-2" data-testid="retro-archive-offer">
          <p className="text-sm text-green-900">{t('archiveNext')}</p>
          <ActionButton action={archiveSpaceAction} fields={{ spaceId: space.id }} label={ts('archive')} tone="primary" confirm={t('close.archiveConfirm')} />
        </div>
      )}
      <RetroFactsPanel facts={view.facts} live={view.liveFacts} />
      {view.canEdit && !completed ? (
        <RetroEditor
          spaceId={space.id}
          version={view.version}
          goals={view.goals}
          problems={view.problems}
          improvements={view.improvements.map((i) => ({ id: i.id, text: i.text, task: i.task, pageId: i.pageId ?? null }))}
          summary={view.summary}
          members={editorMembers}
          viewerId={user.id}
          defaultDueDate={defaultDueDate}
          saveAction={saveRetroAction}
          completeAction={completeRetroAction}
          toTaskAction={improvementToTaskAction}
          toPageAction={improvementToPageAction}
        />
      ) : (
        <RetroRecord view={view} taskForm={{ members: editorMembers, viewerId: user.id, defaultDueDate }} />
      )}
      {completed && view.canEdit && (
        <div className="flex justify-end">
          <ActionButton action={reopenRetroAction} fields={{ spaceId: space.id }} label={t('reopen')} />
        </div>
      )}
    </div>
  );
}
