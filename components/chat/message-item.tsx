'use client';

import { MessageSquareReply, MoreHorizontal, SmilePlus } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { AttachedFileChips } from '@/components/files/attached-file-chips';
import { Avatar } from '@/components/shell/avatar';
import { editableText, markupFromEditable } from '@/lib/chat/markdown';
import type { MessageResource } from '@/lib/chat/resources';
import { MessageBody } from './message-body';
import { ReadReceipt } from './read-receipt';

/** Quick reactions offered in the menu (any single emoji is accepted by the API). */
const QUICK_REACTIONS = ['👍', '✅', '👀', '🎉', '😄', '🙏'];
// Pressing and holding a message on a phone opens its menu, as in DingTalk and WeChat.
const LONG_PRESS_MS = 450;

export interface MessageActions {
  reply?(message: MessageResource): void;
  edit?(message: MessageResource, body: string): void;
  remove?(message: MessageResource): void;
  react?(message: MessageResource, emoji: string, on: boolean): void;
  /** Where 转为任务 leads: a new task of the space made from the message. */
  toTaskHref?(message: MessageResource): string;
}

interface MessageItemProps {
  message: MessageResource;
  /** The space, for links to attached files. */
  spaceId: string;
  meId: string;
  time: string;
  actions: MessageActions;
  canModerate: boolean;
  /** For the author's own messages: who has read it. */
  receipt?: { read: { id: string; name: string }[]; unread: { id: string; name: string }[] };
  nameOf(userId: string): string;
  inThread?: boolean;
  /** The message a search hit led to. */
  focused?: boolean;
}

/** One message: who and when, its text, reactions, thread replies, and a menu of what one may do with it. */
export function MessageItem({ message, spaceId, meId, time, actions, canModerate, receipt, nameOf, inThread, focused }: MessageItemProps) {
  const t = useTranslations('chat');
  const [menuOpen, setMenuOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const press = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mine = message.author.id === meId;
  const deleted = Boolean(message.deletedAt);
  const names = Object.fromEntries(message.mentions.map((m) => [m.id, m.name]));

  const startPress = () => {
    press.current = setTimeout(() => setMenuOpen(true), LONG_PRESS_MS);
  };
  const endPress = () => {
    if (press.current) clearTimeout(press.current);
  };
  const saveEdit = () => {
    const body = markupFromEditable(draft, names, t('mentionAll'));
    if (draft.trim() && body !== message.body) actions.edit?.(message, body);
    setEditing(false);
  };

  return (
    <li
      className={`group relative flex gap-3 px-3 py-2 hover:bg-slate-50 ${focused ? 'bg-amber-50 ring-1 ring-amber-300' : ''}`}
      data-testid="message"
      data-seq={message.seq}
      onTouchStart={startPress}
      onTouchEnd={endPress}
      onTouchMove={endPress}
      onContextMenu={(event) => {
        if (event.nativeEvent instanceof PointerEvent && event.nativeEvent.pointerType === 'touch') event.preventDefault();
      }}
    >
      <Avatar name={message.author.name} url={message.author.avatarUrl} size="size-9 shrink-0" />
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-baseline gap-x-2">
          <span className="text-sm font-semibold text-slate-900">{message.author.name}</span>
          <time dateTime={message.createdAt} className="text-xs text-slate-500">{time}</time>
          {message.editedAt && !deleted && <span className="text-xs text-slate-500">{t('edited')}</span>}
        </div>
        {deleted ? (
          <p className="text-sm italic text-slate-500">{t('deleted')}</p>
        ) : editing ? (
          <div className="mt-1 space-y-2">
            <textarea
              aria-label={t('editLabel')}
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              onKeyDown={(event) => {
                if (event.nativeEvent.isComposing) return;
                if (event.key === 'Enter' && !event.shiftKey) {
                  event.preventDefault();
                  saveEdit();
                }
                if (event.key === 'Escape') setEditing(false);
              }}
              autoFocus
              className="w-full rounded-md border border-slate-300 px-2 py-1 text-sm [field-sizing:content]"
            />
            <div className="flex gap-2 text-sm">
              <button type="button" className="rounded bg-brand-600 px-3 py-1 text-white" onClick={saveEdit}>{t('save')}</button>
              <button type="button" className="rounded px-3 py-1 text-slate-700 hover:bg-slate-100" onClick={() => setEditing(false)}>{t('cancel')}</button>
            </div>
          </div>
        ) : (
          <MessageBody body={message.body} names={names} meId={meId} everyone={t('mentionAll')} />
        )}
        <AttachedFileChips spaceId={spaceId} files={message.attachments} testId="message-attachments" />
        {message.reactions.length > 0 && (
          <div className="mt-1 flex flex-wrap gap-1">
            {message.reactions.map((reaction) => {
              const reacted = reaction.userIds.includes(meId);
              return (
                <button
                  key={reaction.emoji}
                  type="button"
                  aria-pressed={reacted}
                  title={t('reactedBy', { names: reaction.userIds.map(nameOf).join('、'), emoji: reaction.emoji })}
                  onClick={() => actions.react?.(message, reaction.emoji, !reacted)}
                  disabled={!actions.react}
                  className={`inline-flex min-h-7 items-center gap-1 rounded-full border px-2 text-xs ${reacted ? 'border-brand-300 bg-brand-50 text-brand-800' : 'border-slate-200 bg-white text-slate-700'}`}
                >
                  <span>{reaction.emoji}</span>
                  <span>{reaction.userIds.length}</span>
                </button>
              );
            })}
          </div>
        )}
        <div className="mt-1 flex flex-wrap items-center gap-3 text-xs">
          {!inThread && message.replyCount > 0 && actions.reply && (
            <button type="button" className="font-medium text-brand-700 hover:underline" onClick={() => actions.reply?.(message)} data-testid="thread-replies">
              {t('replies', { count: message.replyCount })}
            </button>
          )}
          {receipt && !deleted && <ReadReceipt read={receipt.read} unread={receipt.unread} />}
        </div>
      </div>
      {!deleted && !editing && (
        <div className={`absolute right-2 top-1 items-center gap-0.5 rounded-md border border-slate-200 bg-white p-0.5 shadow-sm ${menuOpen ? 'flex' : 'hidden group-hover:flex group-focus-within:flex'}`}>
          {actions.react && (
            <details className="relative">
              <summary className="flex size-8 cursor-pointer list-none items-center justify-center rounded text-slate-600 hover:bg-slate-100" aria-label={t('react')} title={t('react')}>
                <SmilePlus className="size-4" aria-hidden="true" />
              </summary>
              <div className="absolute right-0 z-10 mt-1 flex gap-1 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
                {QUICK_REACTIONS.map((emoji) => (
                  <button key={emoji} type="button" className="size-8 rounded text-lg hover:bg-slate-100" aria-label={emoji} onClick={(event) => {
                    actions.react?.(message, emoji, !message.reactions.some((r) => r.emoji === emoji && r.userIds.includes(meId)));
                    event.currentTarget.closest('details')?.removeAttribute('open');
                    setMenuOpen(false);
                  }}>{emoji}</button>
                ))}
              </div>
            </details>
          )}
          {!inThread && actions.reply && (
            <button type="button" className="flex size-8 items-center justify-center rounded text-slate-600 hover:bg-slate-100" aria-label={t('reply')} title={t('reply')} onClick={() => actions.reply?.(message)}>
              <MessageSquareReply className="size-4" aria-hidden="true" />
            </button>
          )}
          <details className="relative">
            <summary className="flex size-8 cursor-pointer list-none items-center justify-center rounded text-slate-600 hover:bg-slate-100" aria-label={t('actions')} title={t('actions')}>
              <MoreHorizontal className="size-4" aria-hidden="true" />
            </summary>
            <div className="absolute right-0 z-10 mt-1 w-36 rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg">
              <button type="button" className="block w-full px-3 py-2 text-left hover:bg-slate-50" onClick={(event) => {
                void navigator.clipboard?.writeText(editableText(message.body, names, t('mentionAll')));
                event.currentTarget.closest('details')?.removeAttribute('open');
                setMenuOpen(false);
              }}>{t('copy')}</button>
              {actions.toTaskHref && (
                <a className="block w-full px-3 py-2 text-left hover:bg-slate-50" href={actions.toTaskHref(message)} data-testid="message-to-task">{t('toTask')}</a>
              )}
              {mine && actions.edit && (
                <button type="button" className="block w-full px-3 py-2 text-left hover:bg-slate-50" onClick={() => {
                  setDraft(editableText(message.body, names, t('mentionAll')));
                  setEditing(true);
                  setMenuOpen(false);
                }}>{t('edit')}</button>
              )}
              {(mine || canModerate) && actions.remove && (
                <button type="button" className="block w-full px-3 py-2 text-left text-red-700 hover:bg-red-50" onClick={() => {
                  if (window.confirm(t('deleteConfirm'))) actions.remove?.(message);
                  setMenuOpen(false);
                }}>{t('delete')}</button>
              )}
            </div>
          </details>
        </div>
      )}
    </li>
  );
}
