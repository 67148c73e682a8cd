'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { editableText, markupFromEditable } from '@/lib/chat/markdown';
import { editCommentAction } from '@/lib/comments/actions';
import { COMMENT_BODY_MAX } from '@/lib/comments/rules';

interface CommentEditProps {
  commentId: string;
  body: string;
  /** Names of the space's members: @name in the edited text becomes a mention again. */
  names: Record<string, string>;
}

/** "编辑" on one's own comment: the text with mentions as @name, saved back as markup. */
export function CommentEdit({ commentId, body, names }: CommentEditProps) {
  const t = useTranslations('comments');
  const everyone = t('mentionAll');
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(() => editableText(body, names, everyone));
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  if (!open) {
    return <button type="button" onClick={() => setOpen(true)} className="min-h-9 rounded-md px-3 text-sm font-medium text-brand-700 hover:bg-brand-50" data-testid="comment-edit">{t('edit')}</button>;
  }
  const save = async () => {
    setPending(true);
    const form = new FormData();
    form.set('commentId', commentId);
    form.set('body', markupFromEditable(text, names, everyone));
    const result = await editCommentAction(null, form);
    setPending(false);
    if (result && !result.ok) return setError(Object.values(result.fieldErrors).flat()[0] ?? result.message);
    setError(null);
    setOpen(false);
  };
  return (
    <div className="w-full space-y-2">
      <textarea
        value={text} onChange={(e) => setText(e.target.value)} aria-label={t('editLabel')} rows={3} maxLength={COMMENT_BODY_MAX} autoFocus
        aria-invalid={error ? true : undefined}
        className="w-full rounded-md border border-slate-300 px-3 py-2 text-base text-slate-900 focus:border-brand-500 focus:outline-none sm:text-sm"
      />
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      <div className="flex gap-2">
        <Button type="button" onClick={() => void save()} disabled={pending || !text.trim()}>{t('save')}</Button>
        <button type="button" onClick={() => setOpen(false)} className="min-h-10 rounded-md px-3 text-sm text-slate-700 hover:bg-slate-100">{t('cancel')}</button>
      </div>
    </div>
  );
}
