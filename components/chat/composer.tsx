'use client';

import { SendHorizontal } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { MENTION_ALL, mentionMarkup, namesToMarkup } from '@/lib/chat/markdown';
import { MESSAGE_MAX } from '@/lib/chat/rules';

/** Someone who may be mentioned; `searchKey` holds name and pinyin (王芳 → "王芳 wangfang wf"). */
export interface MentionOption {
  id: string;
  name: string;
  searchKey: string;
}

interface ComposerProps {
  label: string;
  placeholder: string;
  /** How the keys work, under the box on wide screens. */
  hint?: string;
  people: readonly MentionOption[];
  /** Sends the text with mentions as markup; the composer clears unless it resolves to false (refused). */
  onSend(body: string): void | Promise<boolean>;
  autoFocus?: boolean;
  testId?: string;
  /** Shown before the text box (the attach button). */
  accessory?: ReactNode;
  /** Longest text it sends (a chat message by default). */
  max?: number;
  /** Whether @all (everyone in the channel) is offered. */
  allowAll?: boolean;
}

const ALL_ID = '*';
const MAX_SUGGESTIONS = 8;

/** The "@query" being typed just before the caret, if any. */
function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const match = /(?:^|\s)@([^\s@]{0,20})$/.exec(text.slice(0, caret));
  return match ? { start: caret - match[1]!.length - 1, query: match[1]!.toLowerCase() } : null;
}

/**
 * The message box: Enter sends (not while an input method is composing Chinese), Shift+Enter
 * breaks the line, @ opens a list of people to mention (arrows, Enter or Tab, Esc). Mentions are
 * shown as @name while typing and sent as <@id>.
 */
export function Composer({ label, placeholder, hint, people, onSend, autoFocus, testId = 'composer', accessory, max = MESSAGE_MAX, allowAll = true }: ComposerProps) {
  const t = useTranslations('chat');
  const listId = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  // The names chosen from the list, to turn back into ids when sending.
  const chosen = useRef(new Map<string, string>());
  const everyone = t('mentionAll');

  const suggestions = query
    ? [
      ...(allowAll && (everyone.toLowerCase().startsWith(query.query) || 'all'.startsWith(query.query)) ? [{ id: ALL_ID, name: everyone, searchKey: '' }] : []),
      ...people.filter((p) => p.searchKey.includes(query.query)),
    ].slice(0, MAX_SUGGESTIONS)
    : [];
  const open = query !== null && suggestions.length > 0;

  const updateQuery = (value: string, caret: number) => {
    setQuery(mentionQuery(value, caret));
    setActive(0);
  };

  const choose = (option: MentionOption) => {
    if (!query) return;
    const insert = `@${option.name} `;
    const next = text.slice(0, query.start) + insert + text.slice(query.start + 1 + query.query.length);
    chosen.current.set(option.name, option.id === ALL_ID ? MENTION_ALL : mentionMarkup(option.id));
    setText(next);
    setQuery(null);
    const caret = query.start + insert.length;
    requestAnimationFrame(() => area.current?.setSelectionRange(caret, caret));
  };

  const [sending, setSending] = useState(false);
  const send = async () => {
    if (!text.trim() || text.length > max || sending) return;
    const result = onSend(namesToMarkup(text, chosen.current));
    // Chat sends optimistically and clears at once; a caller that waits for the server keeps the text when refused.
    if (result instanceof Promise) {
      setSending(true);
      const accepted = await result;
      setSending(false);
      if (!accepted) return;
    }
    setText('');
    setQuery(null);
    chosen.current.clear();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (open) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        choose(suggestions[active]!);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setQuery(null);
        return;
      }
    }
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void send();
    }
  };

  const tooLong = text.length > max;
  return (
    <div className="relative border-t border-slate-200 bg-white p-2" data-testid={testId}>
      {open && (
        <ul id={listId} role="listbox" aria-label={t('mentionPicker')} className="absolute bottom-full left-2 z-20 mb-1 max-h-64 w-64 overflow-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg">
          {suggestions.map((option, index) => (
            <li
              key={option.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={`cursor-pointer px-3 py-2 text-sm ${index === active ? 'bg-brand-50 text-brand-800' : 'text-slate-800'}`}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(option);
              }}
            >
              {option.name}
              {option.id === ALL_ID && <span className="ml-2 text-xs text-slate-500">{t('mentionAllHint')}</span>}
            </li>
          ))}
        </ul>
      )}
      <div className="flex items-end gap-2">
        {accessory}
        <textarea
          ref={area}
          value={text}
          rows={1}
          aria-label={label}
          placeholder={placeholder}
          autoFocus={autoFocus}
          role="combobox"
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open ? `${listId}-${active}` : undefined}
          aria-autocomplete="list"
          aria-invalid={tooLong || undefined}
          onChange={(event) => {
            setText(event.target.value);
            updateQuery(event.target.value, event.target.selectionStart);
          }}
          onKeyDown={onKeyDown}
          onClick={(event) => updateQuery(text, event.currentTarget.selectionStart)}
          className="max-h-40 min-h-10 flex-1 resize-none rounded-md border border-slate-300 px-3 py-2 text-base text-slate-900 [field-sizing:content] focus:border-brand-500 focus:outline-none sm:text-sm"
        />
        <button
          type="button"
          onClick={() => void send()}
          disabled={!text.trim() || tooLong || sending}
          className="inline-flex size-10 shrink-0 items-center justify-center rounded-md bg-brand-600 text-white hover:bg-brand-700 disabled:bg-brand-600/50"
          aria-label={t('send')}
          data-testid={`${testId}-send`}
        >
          <SendHorizontal className="size-4" aria-hidden="true" />
        </button>
      </div>
      {tooLong ? <p className="mt-1 text-xs text-red-700">{t('tooLong', { max })}</p> : hint && <p className="mt-1 hidden text-xs text-slate-500 sm:block">{hint}</p>}
    </div>
  );
}
