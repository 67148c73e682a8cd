'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Composer, type MentionOption } from '@/components/chat/composer';
import { addCommentAction } from '@/lib/comments/actions';
import { COMMENT_BODY_MAX, type CommentTargetType } from '@/lib/comments/rules';

interface CommentComposerProps {
  target: { type: CommentTargetType; id: string };
  /** The thread a reply joins. */
  parentId?: string;
  people: readonly MentionOption[];
  autoFocus?: boolean;
  onSent?: () => void;
}

/** Writes a comment or a reply with the chat composer (@ picks a member); a refused comment keeps its text. */
export function CommentComposer({ target, parentId, people, autoFocus, onSent }: CommentComposerProps) {
  const t = useTranslations('comments');
  const [error, setError] = useState<string | null>(null);
  const send = async (body: string): Promise<boolean> => {
    const form = new FormData();
    form.set('targetType', target.type);
    form.set('targetId', target.id);
    form.set('body', body);
    if (parentId) form.set('parentId', parentId);
    const result = await addCommentAction(null, form);
    if (result && !result.ok) {
      setError(t('sendFailed', { message: Object.values(result.fieldErrors).flat()[0] ?? result.message }));
      return false;
    }
    setError(null);
    onSent?.();
    return true;
  };
  return (
    <div className="rounded-md border border-slate-200 [&>div:first-child]:border-t-0">
      <Composer
        label={parentId ? t('replyLabel') : t('composerLabel')}
        placeholder={parentId ? t('replyPlaceholder') : t('composerPlaceholder')}
        hint={parentId ? undefined : t('composerHint')}
        people={people}
        onSend={send}
        autoFocus={autoFocus}
        max={COMMENT_BODY_MAX}
        allowAll={false}
        testId={parentId ? 'reply-composer' : 'comment-composer'}
      />
      {error && <p role="alert" className="px-3 pb-2 text-sm text-red-700" data-testid="comment-error">{error}</p>}
    </div>
  );
}
