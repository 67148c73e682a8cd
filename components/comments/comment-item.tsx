import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { MessageBody } from '@/components/chat/message-body';
import { AttachPicker } from '@/components/files/attach-picker';
import { AttachedFileChips } from '@/components/files/attached-file-chips';
import { ActionButton } from '@/components/ui/action-button';
import { deleteCommentAction, markHandledAction } from '@/lib/comments/actions';
import type { CommentView } from '@/lib/comments/queries';
import { env } from '@/lib/env';
import { AwaitBadge } from './await-badge';
import { CommentEdit } from './comment-edit';

interface CommentItemProps {
  spaceId: string;
  comment: CommentView;
  attachChoices: { id: string; name: string }[];
  viewerId: string;
  names: Record<string, string>;
  memberNames: Record<string, string>;
  canComment: boolean;
  canModerate: boolean;
  now: Date;
  timeZone: string;
  /** The reply control under a top-level comment. */
  footer?: ReactNode;
}

/** One comment: who wrote it and when, its text, whom it waits for, and what the viewer may do with it. */
export async function CommentItem({ spaceId, comment: c, attachChoices, viewerId, names, memberNames, canComment, canModerate, now, timeZone, footer }: CommentItemProps) {
  const [t, format] = await Promise.all([getTranslations('comments'), getFormatter()]);
  const mine = c.authorId === viewerId;
  const deleted = c.deletedAt !== null;
  const open = c.awaiting.filter((a) => !a.resolvedAt);
  const forMe = open.find((a) => a.userId === viewerId);
  const late = open.filter((a) => a.overdue && a.userId !== viewerId);
  const waiting = open.filter((a) => !a.overdue && a.userId !== viewerId);
  return (
    <article id={`comment-${c.id}`} data-testid="comment" className="scroll-mt-24 space-y-1">
      <header className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-sm">
        <span className="font-medium text-slate-900">{c.authorName ?? t('someone')}</span>
        <time dateTime={c.createdAt.toISOString()} className="text-xs text-slate-500">{format.dateTime(c.createdAt, { timeZone, dateStyle: 'medium', timeStyle: 'short' })}</time>
        {c.editedAt && !deleted && <span className="text-xs text-slate-500" data-testid="comment-edited">{t('edited')}</span>}
        {forMe && !deleted && <AwaitBadge dueAt={forMe.dueAt} overdue={forMe.overdue} now={now} />}
      </header>
      {deleted ? (
        <p className="text-sm text-slate-400 italic" data-testid="comment-deleted">{t('deleted')}</p>
      ) : (
        <div data-testid="comment-body"><MessageBody body={c.body} names={names} meId={viewerId} everyone={t('mentionAll')} /></div>
      )}
      <AttachedFileChips spaceId={spaceId} files={c.attachments} testId="comment-attachments" />
      {!deleted && (waiting.length > 0 || late.length > 0) && (
        <p className="text-xs text-slate-500">
          {waiting.length > 0 && t('waitingFor', { names: waiting.map((a) => a.name).join('、') })}
          {waiting.length > 0 && late.length > 0 && ' · '}
          {late.length > 0 && <span className="text-red-700">{t('overdueFor', { names: late.map((a) => a.name).join('、') })}</span>}
        </p>
      )}
      {!deleted && (
        <div className="flex flex-wrap items-start gap-1">
          {forMe && canComment && <ActionButton action={markHandledAction} fields={{ commentId: c.id }} label={t('handled')} tone="primary" />}
          {footer}
          {mine && canComment && <CommentEdit commentId={c.id} body={c.body} names={memberNames} />}
          {mine && canComment && (
            <details className="w-full sm:w-auto" data-testid="comment-attach">
              <summary className="inline-flex min-h-9 cursor-pointer items-center rounded-md px-3 text-sm font-medium text-brand-700 hover:bg-brand-50">{t('attach')}</summary>
              <AttachPicker spaceId={spaceId} target={{ type: 'comment', id: c.id }} maxBytes={env.FILE_MAX_BYTES} choices={attachChoices.filter((f) => !c.attachments.some((a) => a.fileId === f.id))} />
            </details>
          )}
          {(mine || canModerate) && canComment && <ActionButton action={deleteCommentAction} fields={{ commentId: c.id }} label={t('delete')} tone="danger" confirm={t('deleteConfirm')} />}
        </div>
      )}
    </article>
  );
}
