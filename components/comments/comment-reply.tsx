'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { MentionOption } from '@/components/chat/composer';
import type { CommentTargetType } from '@/lib/comments/rules';
import { CommentComposer } from './comment-composer';

/** "回复" under a top-level comment: opens a composer for the thread, closed again once sent. */
export function CommentReply({ target, parentId, people }: { target: { type: CommentTargetType; id: string }; parentId: string; people: readonly MentionOption[] }) {
  const t = useTranslations('comments');
  const [open, setOpen] = useState(false);
  return (
    <div className={open ? 'w-full' : undefined}>
      <button type="button" onClick={() => setOpen(!open)} className="min-h-9 rounded-md px-3 text-sm font-medium text-brand-700 hover:bg-brand-50" aria-expanded={open} data-testid="reply-toggle">
        {open ? t('cancel') : t('reply')}
      </button>
      {open && (
        <div className="mt-2">
          <CommentComposer target={target} parentId={parentId} people={people} autoFocus onSent={() => setOpen(false)} />
        </div>
      )}
    </div>
  );
}
