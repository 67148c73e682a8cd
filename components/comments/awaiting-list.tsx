import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { ActionButton } from '@/components/ui/action-button';
import { messagePlainText } from '@/lib/chat/markdown';
import { markHandledAction } from '@/lib/comments/actions';
import type { AwaitingItem } from '@/lib/comments/queries';
import { hoursLeft, hoursOverdue } from '@/lib/comments/rules';
import { commentHref } from '@/lib/comments/targets';

const EXCERPT = 120;

/**
 * Comments waiting for an answer, overdue first. The viewer's own list offers 处理完毕; the
 * space admins' list says whom each one waits for instead.
 */
export function AwaitingList({ items, now, showWho = false }: { items: AwaitingItem[]; now: Date; showWho?: boolean }) {
  const t = useTranslations('awaiting');
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="awaiting-list">
      {items.map((item) => {
        const text = messagePlainText(item.body, () => undefined);
        const hours = item.overdue ? hoursOverdue(item.dueAt, now) : hoursLeft(item.dueAt, now);
        return (
          <li key={`${item.commentId}:${item.userId}`} className="flex flex-wrap items-start gap-2 px-3 py-2.5" data-testid="awaiting-item" data-overdue={item.overdue || undefined}>
            <div className="min-w-0 flex-1">
              <p className="flex flex-wrap items-center gap-x-2 text-sm">
                <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-700">{t(item.targetType)}</span>
                <Link href={commentHref({ spaceId: item.spaceId, type: item.targetType, id: item.targetId }, item.commentId)} className="min-w-0 font-medium break-all text-brand-700 hover:underline">{item.targetName}</Link>
              </p>
              <p className="mt-0.5 text-sm break-words text-slate-800">{text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text}</p>
              <p className="mt-0.5 flex flex-wrap gap-x-3 text-xs text-slate-600">
                <span>{t('from', { author: item.authorName ?? '—', space: item.spaceName })}</span>
                {showWho && <span className="font-medium text-slate-800">{t('who')}：{item.userName}</span>}
                <span className={item.overdue ? 'font-medium text-red-700' : ''}>
                  {item.overdue ? t('overdueBy', { hours }) : hours > 0 ? t('dueIn', { hours }) : t('dueSoon')}
                </span>
              </p>
            </div>
            {!showWho && <ActionButton action={markHandledAction} fields={{ commentId: item.commentId }} label={t('handled')} />}
          </li>
        );
      })}
    </ul>
  );
}
