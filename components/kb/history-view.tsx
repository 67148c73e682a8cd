import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/ui/action-button';
import { userActor } from '@/lib/auth/actor';
import { restoreVersionAction } from '@/lib/kb/actions';
import type { DiffPart } from '@/lib/kb/diff';
import type { getKbHistoryData } from '@/lib/kb/page-data';
import { diffRevisions } from '@/lib/kb/queries';

type HistoryData = Awaited<ReturnType<typeof getKbHistoryData>>;

function Diff({ parts, label }: { parts: DiffPart[]; label: string }) {
  return (
    <div>
      <p className="mb-1 text-xs font-medium text-slate-500">{label}</p>
      <p className="rounded border border-slate-200 bg-white p-3 text-sm whitespace-pre-wrap text-slate-800">
        {parts.map((part, i) => part.kind === 'same'
          ? <span key={i}>{part.text}</span>
          : part.kind === 'added'
            ? <ins key={i} className="bg-green-100 text-green-900 no-underline">{part.text}</ins>
            : <del key={i} className="bg-red-100 text-red-900">{part.text}</del>)}
      </p>
    </div>
  );
}

/** A page's versions, newest first: compare one with the one before, restore an older one. */
export async function HistoryView({ data, compare }: { data: HistoryData; compare: { from?: string; to?: string } }) {
  const { user, view, base, revisions, timeZone } = data;
  const { page, rights } = view;
  const [t, format] = await Promise.all([getTranslations('kb'), getFormatter()]);
  const href = `${base}/${page.id}`;
  const diff = compare.from && compare.to ? await diffRevisions(userActor(user), page.id, compare).catch(() => null) : null;
  const changed = diff && [...diff.title, ...diff.text].some((part) => part.kind !== 'same');
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 className="text-xl font-semibold text-slate-900">{t('history')} · {page.title}</h2>
        <Link href={href} className="text-sm text-brand-700 hover:underline">{t('backToPage')}</Link>
      </div>
      {diff && (
        <section className="space-y-2 rounded-lg border border-slate-200 bg-slate-50 p-4" data-testid="kb-diff" aria-label={t('diffTitle', { from: diff.from, to: diff.to })}>
          <h3 className="font-medium text-slate-900">{t('diffTitle', { from: diff.from, to: diff.to })}</h3>
          <p className="flex gap-3 text-xs"><ins className="bg-green-100 px-1 no-underline">{t('added')}</ins><del className="bg-red-100 px-1">{t('removed')}</del></p>
          {diff.title.some((part) => part.kind !== 'same') && <Diff parts={diff.title} label={t('diffTitleLabel')} />}
          {changed ? <Diff parts={diff.text} label={t('diffText')} /> : <p className="text-sm text-slate-600">{t('noChanges')}</p>}
        </section>
      )}
      <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="kb-revisions">
        {revisions.map((revision) => (
          <li key={revision.version} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 text-sm">
            <span className="font-medium text-slate-900">{t('version', { version: revision.version })}</span>
            {revision.version === page.version && <span className="rounded bg-brand-50 px-1.5 text-xs text-brand-800">{t('current')}</span>}
            <span className="text-slate-600">{t('updated', { name: revision.authorName ?? '—', time: format.dateTime(revision.createdAt, { timeZone, dateStyle: 'medium', timeStyle: 'short' }) })}</span>
            {revision.restoredFrom && <span className="text-xs text-slate-500">{t('restoredFrom', { version: revision.restoredFrom })}</span>}
            <span className="ml-auto flex flex-wrap items-center gap-2">
              {revision.version > 1 && (
                <Link href={`${href}/history?from=${revision.version - 1}&to=${revision.version}`} className="min-h-9 rounded-md px-2 py-2 text-brand-700 hover:bg-brand-50">{t('compare')}</Link>
              )}
              {rights.edit && revision.version !== page.version && (
                <ActionButton action={restoreVersionAction} fields={{ pageId: page.id, version: String(revision.version) }} label={t('restore')} confirm={t('restoreConfirm')} />
              )}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
