import { useFormatter, useTranslations } from 'next-intl';
import type { TaskIssue } from '@/db/schema';
import { ResolveIssueForm } from './resolve-issue-form';

interface IssueEntryProps {
  issue: Pick<TaskIssue, 'id' | 'reason' | 'proposedSolution' | 'status' | 'resolution' | 'createdAt' | 'resolvedAt'>;
  raisedByName?: string | null;
  resolvedByName?: string | null;
  canResolve: boolean;
}

/** One issue-tracking entry: reason, proposed solution, who raised it when, and how it ended. */
export function IssueEntry({ issue, raisedByName, resolvedByName, canResolve }: IssueEntryProps) {
  const t = useTranslations('tasks');
  const format = useFormatter();
  const open = issue.status === 'open';
  return (
    <div className={`rounded-md border p-3 text-sm ${open ? 'border-amber-300 bg-amber-50' : 'border-slate-200 bg-white'}`} data-testid="issue-entry">
      <p className="text-xs font-medium text-slate-600">
        {open ? t('issueOpen') : t('issueResolved')} · {t('raisedBy', { name: raisedByName ?? '—', when: format.dateTime(issue.createdAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
      </p>
      <dl className="mt-1 space-y-1">
        <div><dt className="inline font-medium text-slate-700">{t('issueReason')}{t('colon')}</dt><dd className="inline whitespace-pre-line text-slate-900">{issue.reason}</dd></div>
        <div><dt className="inline font-medium text-slate-700">{t('issueSolution')}{t('colon')}</dt><dd className="inline whitespace-pre-line text-slate-900">{issue.proposedSolution}</dd></div>
        {issue.resolution && (
          <div>
            <dt className="inline font-medium text-green-800">{t('resolution')}{t('colon')}</dt>
            <dd className="inline whitespace-pre-line text-slate-900">{issue.resolution}</dd>
            {issue.resolvedAt && <span className="ml-1 text-xs text-slate-500">（{t('resolvedBy', { name: resolvedByName ?? '—', when: format.dateTime(issue.resolvedAt, { dateStyle: 'medium', timeStyle: 'short' }) })}）</span>}
          </div>
        )}
      </dl>
      {open && canResolve && <ResolveIssueForm issueId={issue.id} />}
    </div>
  );
}
