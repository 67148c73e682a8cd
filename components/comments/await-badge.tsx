import { useTranslations } from 'next-intl';
import { hoursLeft } from '@/lib/comments/rules';

/** 待回复 · 剩余 5 小时, or 已逾期: how long the viewer has left to answer a comment. */
export function AwaitBadge({ dueAt, overdue, now }: { dueAt: Date; overdue: boolean; now: Date }) {
  const t = useTranslations('comments');
  if (overdue) {
    return <span className="inline-flex items-center rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-800" data-testid="await-badge" data-overdue="true">{t('overdue')}</span>;
  }
  const hours = hoursLeft(dueAt, now);
  return (
    <span className="inline-flex items-center rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900" data-testid="await-badge">
      {hours > 0 ? t('awaitingYou', { hours }) : t('awaitingYouSoon')}
    </span>
  );
}
