import type { Metadata } from 'next';
import { Download } from 'lucide-react';
import { getFormatter, getTranslations } from 'next-intl/server';
import { RunReport } from '@/components/directory/run-report';
import { UploadPreview } from '@/components/directory/upload-preview';
import { ActionButton } from '@/components/ui/action-button';
import { EmptyState } from '@/components/ui/empty-state';
import type { DirectorySyncRun } from '@/db/schema';
import { userActor, type Actor } from '@/lib/auth/actor';
import { requireOrgAdmin } from '@/lib/auth/session';
import { applyPreviewedFileAction, applySourceAction, previewSourceAction } from '@/lib/directory/actions';
import type { SyncReport } from '@/lib/directory/report';
import { configuredSources } from '@/lib/directory/sources';
import { getSyncRun, listSyncRuns } from '@/lib/directory/sync';
import { listTasksNeedingReassignment } from '@/lib/tasks/reassignment';
import { env } from '@/lib/env';
import { isDomainError } from '@/lib/errors';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('directory') };
}

type Counts = SyncReport['counts'];
const changedCount = (c: Counts) => c.departmentsUpdated + c.peopleUpdated + c.peopleReactivated;
const createdCount = (c: Counts) => c.departmentsCreated + c.peopleCreated;

async function openRun(actor: Actor, organizationId: string, runId: string | undefined) {
  if (!runId) return null;
  return getSyncRun(actor, organizationId, runId).catch((error: unknown) => {
    if (isDomainError(error)) return null;
    throw error;
  });
}

export default async function AdminDirectoryPage({ searchParams }: { searchParams: Promise<{ run?: string }> }) {
  const user = await requireOrgAdmin('/admin/directory');
  const actor = userActor(user);
  const { run: runId } = await searchParams;
  const [t, format, runs, run, reassign] = await Promise.all([
    getTranslations('directory'),
    getFormatter(),
    listSyncRuns(actor, user.organizationId),
    openRun(actor, user.organizationId, runId),
    listTasksNeedingReassignment(actor, user.organizationId),
  ]);
  const sources = configuredSources();
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">{t('intro')}</p>
      {run && <RunPanel run={run} />}

      <section className="space-y-3" aria-labelledby="directory-sources">
        <h2 id="directory-sources" className="text-base font-semibold text-slate-900">{t('sourcesHeading')}</h2>
        <p className="text-sm text-slate-600">
          {env.DIRECTORY_SYNC_INTERVAL_MINUTES ? t('schedule', { minutes: env.DIRECTORY_SYNC_INTERVAL_MINUTES }) : t('scheduleOff')}
        </p>
        {sources.length === 0 ? (
          <EmptyState title={t('noSources')}>{t('noSourcesHint')}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {sources.map(({ source }) => (
              <li key={source} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                <span className="font-medium text-slate-900">{t(`sources.${source}`)}</span>
                <ActionButton action={previewSourceAction} fields={{ source }} label={t('preview')} tone="primary" />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 sm:p-6" aria-labelledby="directory-upload">
        <h2 id="directory-upload" className="text-base font-semibold text-slate-900">{t('uploadHeading')}</h2>
        <p className="text-sm text-slate-600">{t('uploadHint')}</p>
        <div className="flex flex-wrap gap-2">
          {(['xlsx', 'csv'] as const).map((kind) => (
            <a
              key={kind}
              href={`/api/v1/directory/template?format=${kind}`}
              download
              className="inline-flex min-h-10 items-center gap-2 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-50"
            >
              <Download aria-hidden="true" className="size-4" />
              {kind === 'xlsx' ? t('templateXlsx') : t('templateCsv')}
            </a>
          ))}
        </div>
        <UploadPreview />
      </section>

      {reassign.length > 0 && (
        <section className="space-y-3" aria-labelledby="directory-reassign">
          <h2 id="directory-reassign" className="text-base font-semibold text-slate-900">{t('reassignHeading', { count: reassign.length })}</h2>
          <p className="text-sm text-slate-600">{t('reassignHint')}</p>
          <ul className="divide-y divide-slate-100 rounded-lg border border-amber-200 bg-white" data-testid="needs-reassignment-list">
            {reassign.map((task) => (
              <li key={task.id} className="flex flex-col gap-1 px-4 py-2 text-sm sm:flex-row sm:items-center sm:gap-3">
                <span className="text-slate-500 sm:w-40 sm:truncate">{task.spaceName}</span>
                <a href={`/spaces/${task.spaceId}/tasks/${task.id}`} className="font-medium break-all text-slate-900 hover:text-brand-700 hover:underline sm:flex-1">
                  #{task.number} {task.name}
                </a>
                <span className="text-slate-600">{task.assigneeName}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="space-y-3" aria-labelledby="directory-history">
        <h2 id="directory-history" className="text-base font-semibold text-slate-900">{t('historyHeading')}</h2>
        {runs.length === 0 ? (
          <EmptyState title={t('noRuns')}>{t('noRunsHint')}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="directory-runs">
            {runs.map((r) => (
              <li key={r.id} className="flex flex-col gap-1 px-4 py-3 text-sm sm:flex-row sm:items-center sm:gap-3">
                <time className="text-slate-500 sm:w-40" dateTime={r.startedAt.toISOString()}>
                  {format.dateTime(r.startedAt, { dateStyle: 'short', timeStyle: 'short' })}
                </time>
                <span className="font-medium text-slate-900 sm:w-44">
                  {t(`sources.${r.source}`)} · {r.dryRun ? t('dryRun') : t('applied')}
                </span>
                <span className={r.status === 'failed' ? 'text-red-700' : 'text-slate-700'}>{t(`statuses.${r.status}`)}</span>
                <span className="text-slate-600 sm:flex-1">
                  {r.counts ? t('counts', { created: createdCount(r.counts), changed: changedCount(r.counts), deactivated: r.counts.peopleDeactivated, skipped: r.counts.skipped, unchanged: r.counts.unchanged }) : ''}
                </span>
                <span className="text-slate-500">{r.triggeredByName ?? t('system')}</span>
                <a href={`/admin/directory?run=${r.id}`} className="font-medium text-brand-700 hover:underline">{t('open')}</a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** The run an admin opened: its diff and, for a successful preview, the button that applies it. */
async function RunPanel({ run }: { run: DirectorySyncRun }) {
  const [t, tAll] = await Promise.all([getTranslations('directory'), getTranslations()]);
  // Refusals are stored as catalogue keys (a dotted one names its namespace); other failures as their text.
  const key = (run.error ?? '').includes('.') ? run.error ?? '' : `errors.${run.error}`;
  const error = tAll.has(key as 'errors.invalid') ? tAll(key as 'errors.invalid') : run.error ?? '';
  const report = run.report as unknown as SyncReport;
  const canApply = run.dryRun && run.status === 'succeeded';
  return (
    <section className="space-y-3 rounded-lg border border-brand-200 bg-brand-50/30 p-4 sm:p-6" aria-labelledby="directory-run" data-testid="directory-run">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id="directory-run" className="text-base font-semibold text-slate-900">
          {t('runHeading', { source: t(`sources.${run.source}`), kind: run.dryRun ? t('dryRun') : t('applied') })}
        </h2>
        {canApply && (
          run.source === 'file'
            ? <ActionButton action={applyPreviewedFileAction} fields={{ runId: run.id }} label={t('apply')} tone="primary" confirm={t('applyConfirm')} />
            : <ActionButton action={applySourceAction} fields={{ source: run.source }} label={t('apply')} tone="primary" confirm={t('applyConfirm')} />
        )}
      </div>
      {run.status === 'failed' ? (
        <p role="status" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{t('runFailed', { error })}</p>
      ) : (
        <>
          {run.dryRun && <p className="text-sm text-slate-700">{t('previewNote')} {run.source === 'file' ? t('fileApplyNote') : t('sourceApplyNote')}</p>}
          {report.counts && <RunReport report={report} />}
        </>
      )}
    </section>
  );
}
