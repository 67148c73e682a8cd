import { MessagesSquare } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import type { MentionOption } from '@/components/chat/composer';
import type { CommentListing } from '@/lib/comments/queries';
import type { CommentTargetType } from '@/lib/comments/rules';
import { CommentComposer } from './comment-composer';
import { CommentItem } from './comment-item';
import { CommentReply } from './comment-reply';

interface CommentThreadProps {
  spaceId: string;
  target: { type: CommentTargetType; id: string };
  listing: CommentListing;
  people: readonly MentionOption[];
  memberNames: Record<string, string>;
  /** Library files one may attach to one's own comments. */
  attachChoices: { id: string; name: string }[];
  viewerId: string;
  now: Date;
  timeZone: string;
}

/** The comments of a task or file: threads oldest first with their replies indented, and a composer. */
export async function CommentThread({ spaceId, target, listing, people, memberNames, attachChoices, viewerId, now, timeZone }: CommentThreadProps) {
  const t = await getTranslations('comments');
  const { threads, canComment, canModerate, rule } = listing;
  const names = { ...memberNames, ...listing.names };
  const count = threads.reduce((sum, thread) => sum + 1 + thread.replies.length, 0);
  const shared = { spaceId, viewerId, names, memberNames, attachChoices, canComment, canModerate, now, timeZone };
  return (
    <section aria-labelledby="comments-title" className="rounded-lg border border-slate-200 bg-white p-4" data-testid="comment-thread">
      <h3 id="comments-title" className="flex items-center gap-2 font-medium text-slate-900">
        <MessagesSquare className="size-4" aria-hidden="true" />
        {t('title')}
        {count > 0 && <span className="text-sm font-normal text-slate-500">{t('count', { count })}</span>}
      </h3>
      <p className="mt-1 text-xs text-slate-500">{rule.workingHoursOnly ? t('ruleHintWorking', { hours: rule.responseHours }) : t('ruleHint', { hours: rule.responseHours })}</p>
      {threads.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">{t('empty')}</p>
      ) : (
        <ol className="mt-3 divide-y divide-slate-100">
          {threads.map((thread) => (
            <li key={thread.id} className="py-3">
              <CommentItem comment={thread} {...shared} footer={canComment && !thread.deletedAt ? <CommentReply target={target} parentId={thread.id} people={people} /> : undefined} />
              {thread.replies.length > 0 && (
                <ol className="mt-3 ml-3 space-y-3 border-l-2 border-slate-100 pl-3 sm:ml-6 sm:pl-4" data-testid="comment-replies">
                  {thread.replies.map((reply) => <li key={reply.id}><CommentItem comment={reply} {...shared} /></li>)}
                </ol>
              )}
            </li>
          ))}
        </ol>
      )}
      {canComment && <div className="mt-3"><CommentComposer target={target} people={people} /></div>}
    </section>
  );
}
