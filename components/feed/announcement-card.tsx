import { CheckCircle2, Pin } from 'lucide-react';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { MessageBody } from '@/components/chat/message-body';
import { ActionButton } from '@/components/ui/action-button';
import { acknowledgeAnnouncementAction, deleteAnnouncementAction, pinAnnouncementAction } from '@/lib/feed/actions';
import type { AnnouncementView } from '@/lib/feed/announcements';

interface AnnouncementCardProps {
  announcement: AnnouncementView;
  viewerId: string;
  /** Leads: pin, withdraw, follow up on who has not acknowledged. */
  canManage: boolean;
  /** The viewer is a member of an active space: they may acknowledge. */
  canAcknowledge: boolean;
  timeZone: string;
}

/** An announcement with its acknowledgement state: a button for who must still confirm, the count for everyone. */
export async function AnnouncementCard({ announcement: a, viewerId, canManage, canAcknowledge, timeZone }: AnnouncementCardProps) {
  const [t, format] = await Promise.all([getTranslations('feed'), getFormatter()]);
  const isAuthor = a.authorId === viewerId;
  const progress = t('ackProgress', { acked: a.ackCount, total: a.audience });
  return (
    <article id={`announcement-${a.id}`} data-testid="announcement" className={`scroll-mt-24 rounded-lg border bg-white p-4 ${a.pinnedAt ? 'border-amber-300' : 'border-slate-200'}`}>
      <header className="flex flex-wrap items-start gap-2">
        {a.pinnedAt && (
          <span className="inline-flex items-center gap-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-800">
            <Pin className="size-3" aria-hidden="true" />{t('pinned')}
          </span>
        )}
        <h3 className="min-w-0 flex-1 font-semibold break-words text-slate-900">{a.title}</h3>
      </header>
      <p className="mt-1 text-xs text-slate-500">
        {a.authorName && `${t('byAuthor', { name: a.authorName })} · `}
        <time dateTime={a.createdAt.toISOString()}>{format.dateTime(a.createdAt, { timeZone, dateStyle: 'medium', timeStyle: 'short' })}</time>
      </p>
      <div className="mt-2 text-sm break-words text-slate-800">
        <MessageBody body={a.body} names={{}} meId={viewerId} everyone="" />
      </div>
      <footer className="mt-3 flex flex-wrap items-center gap-2 border-t border-slate-100 pt-2">
        {canManage || isAuthor ? (
          <Link href={`/spaces/${a.spaceId}/feed/announcements/${a.id}`} className="text-sm text-brand-700 hover:underline" data-testid="ack-progress">{progress}</Link>
        ) : (
          <span className="text-sm text-slate-600" data-testid="ack-progress">{progress}</span>
        )}
        <span className="ml-auto flex flex-wrap items-center gap-1">
          {a.acknowledgedByMe ? (
            <span className="inline-flex items-center gap-1 text-sm text-green-700"><CheckCircle2 className="size-4" aria-hidden="true" />{t('acknowledged')}</span>
          ) : (
            canAcknowledge && !isAuthor && <ActionButton action={acknowledgeAnnouncementAction} fields={{ announcementId: a.id }} label={t('acknowledge')} tone="primary" />
          )}
          {canManage && (
            <>
              <ActionButton action={pinAnnouncementAction} fields={{ announcementId: a.id, pinned: String(!a.pinnedAt) }} label={a.pinnedAt ? t('unpin') : t('pin')} />
              <ActionButton action={deleteAnnouncementAction} fields={{ announcementId: a.id }} label={t('delete')} tone="danger" confirm={t('deleteConfirm')} />
            </>
          )}
        </span>
      </footer>
    </article>
  );
}
