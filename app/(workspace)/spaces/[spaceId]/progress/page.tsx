import { Flag } from 'lucide-react';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SheetTransfer } from '@/components/sheets/sheet-transfer';
import { MilestoneForm } from '@/components/tasks/milestone-form';
import { RiskChip } from '@/components/tasks/risk-chip';
import { ActionButton } from '@/components/ui/action-button';
import { EmptyState } from '@/components/ui/empty-state';
import { userActor } from '@/lib/auth/actor';
import { todayFor } from '@/lib/org/time-zone';
import { getSpacePageData } from '@/lib/spaces/page-data';
import { deleteMilestoneAction } from '@/lib/tasks/milestone-actions';
import { listProgress } from '@/lib/tasks/milestones';

interface ProgressPageProps {
  params: Promise<{ spaceId: string }>;
}

export async function generateMetadata({ params }: ProgressPageProps): Promise<Metadata> {
  const [{ space }, t] = await Promise.all([getSpacePageData((await params).spaceId), getTranslations('spaces')]);
  return { title: `${t('progress')} · ${space.name}` };
}

/** 项目进度表: phases and key milestones, planned against actual, with the risk of each. */
export default async function ProgressPage({ params }: ProgressPageProps) {
  const { spaceId } = await params;
  const [{ user, space, allowed, members }, t] = await Promise.all([getSpacePageData(spaceId), getTranslations('progress')]);
  const rows = await listProgress(userActor(user), space.id, todayFor(user));
  const manage = allowed.has('milestone.manage');
  const people = members.map((m) => ({ id: m.userId, name: m.name }));
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">{t('explain')}</p>
      <SheetTransfer
        url={`/api/v1/spaces/${encodeURIComponent(space.id)}/progress-table`}
        namespace="progressTable"
        testId="progress-table-transfer"
        canImport={manage}
      />
      {rows.length === 0 ? (
        <EmptyState icon={<Flag className="size-8" aria-hidden="true" />} title={t('empty')}>{t('emptyBody')}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full min-w-[48rem] text-left text-sm" data-testid="progress-table">
            <thead className="bg-slate-50 text-xs text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">{t('phase')}</th>
                <th scope="col" className="px-3 py-2">{t('name')}</th>
                <th scope="col" className="px-3 py-2">{t('plannedDate')}</th>
                <th scope="col" className="px-3 py-2">{t('actualDate')}</th>
                <th scope="col" className="px-3 py-2">{t('owner')}</th>
                <th scope="col" className="px-3 py-2">{t('delayReason')}</th>
                <th scope="col" className="px-3 py-2">{t('tasks')}</th>
                <th scope="col" className="px-3 py-2">{t('risk')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-t border-slate-100 align-top" data-testid="progress-row">
                  <td className="px-3 py-2 text-slate-700">{row.phase || '—'}</td>
                  <td className="px-3 py-2">
                    <span className="font-medium text-slate-900">{row.name}</span>
                    {manage && (
                      <details className="mt-1">
                        <summary className="cursor-pointer text-xs text-brand-700">{t('edit')}</summary>
                        <div className="mt-2 w-[min(36rem,80vw)] space-y-2">
                          <MilestoneForm
                            spaceId={space.id}
                            milestoneId={row.id}
                            members={people}
                            defaults={{
                              phase: row.phase, name: row.name, plannedDate: row.plannedDate, actualDate: row.actualDate ?? '',
                              ownerId: row.ownerId ?? '', delayReason: row.delayReason ?? '', riskOverride: row.riskOverride ?? '',
                            }}
                          />
                          <ActionButton action={deleteMilestoneAction} fields={{ milestoneId: row.id }} label={t('delete')} tone="danger" confirm={t('deleteConfirm', { name: row.name })} />
                        </div>
                      </details>
                    )}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap tabular-nums">{row.plannedDate}</td>
                  <td className="px-3 py-2 whitespace-nowrap tabular-nums">{row.actualDate ?? '—'}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{row.ownerName ?? '—'}</td>
                  <td className="px-3 py-2 whitespace-pre-line text-slate-700">{row.delayReason ?? '—'}</td>
                  <td className="px-3 py-2 whitespace-nowrap text-slate-700">{row.tasks.total ? t('tasksDone', { done: row.tasks.done, total: row.tasks.total }) : '—'}</td>
                  <td className="px-3 py-2"><RiskChip risk={row.risk} overridden={row.riskOverride !== null} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {manage && (
        <details className="rounded-lg border border-slate-200 bg-white p-4" open={rows.length === 0 || undefined}>
          <summary className="cursor-pointer font-medium text-slate-900">{t('addTitle')}</summary>
          <div className="mt-3">
            <MilestoneForm spaceId={space.id} members={people} defaults={{ phase: '', name: '', plannedDate: space.endDate, actualDate: '', ownerId: user.id, delayReason: '', riskOverride: '' }} />
          </div>
        </details>
      )}
    </div>
  );
}
