import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/ui/action-button';
import type { SpaceAction } from '@/lib/auth/permissions';
import type { RetroStatus } from '@/lib/retro/rules';
import { archiveSpaceAction, unarchiveSpaceAction } from '@/lib/spaces/actions';

const card = 'rounded-lg border border-slate-200 bg-white p-4 sm:p-6';

/**
 * 结束项目 in the space settings: the retrospective first, then archiving. Admins may still archive
 * without one (a cancelled project, a review held elsewhere) after confirming; an archived space
 * shows 恢复 instead.
 */
export async function CloseProject({ spaceId, status, retroStatus, allowed }: { spaceId: string; status: 'active' | 'archived'; retroStatus: RetroStatus; allowed: Set<SpaceAction> }) {
  const t = await getTranslations('retro.close');
  const ts = await getTranslations('spaces');
  if (status === 'archived') {
    return (
      <section aria-labelledby="close-title" className={card} data-testid="restore-space">
        <h2 id="close-title" className="text-base font-semibold text-slate-900">{t('restoreTitle')}</h2>
        <p className="mt-1 mb-3 text-sm text-slate-600">{t('restoreHint')}</p>
        {allowed.has('space.unarchive') && <ActionButton action={unarchiveSpaceAction} fields={{ spaceId }} label={t('restore')} tone="primary" />}
      </section>
    );
  }
  const done = retroStatus === 'completed';
  return (
    <section aria-labelledby="close-title" className={card} data-testid="close-project">
      <h2 id="close-title" className="text-base font-semibold text-slate-900">{t('title')}</h2>
      <p className="mt-1 mb-3 text-sm text-slate-600">{t('hint')}</p>
      <div className={`mb-3 rounded-md px-3 py-2 text-sm ${done ? 'bg-green-50 text-green-900' : 'bg-amber-50 text-amber-900'}`} data-testid="close-retro-status">
        {done ? t('retroDone') : t('retroMissing')}{' '}
        {!done && <Link href={`/spaces/${spaceId}/retro`} className="font-medium underline">{t('goToRetro')}</Link>}
      </div>
      {allowed.has('space.archive') && (
        done
          ? <ActionButton action={archiveSpaceAction} fields={{ spaceId }} label={ts('archive')} tone="primary" confirm={t('archiveConfirm')} />
          : <ActionButton action={archiveSpaceAction} fields={{ spaceId }} label={t('archiveAnyway')} tone="danger" confirm={t('archiveAnywayConfirm')} />
      )}
    </section>
  );
}
