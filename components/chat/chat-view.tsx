'use client';

import { Hash, Lock, Settings, X } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useSpaceEvents } from '@/components/realtime/space-events';
import { chatApi } from '@/lib/chat/client-api';
import type { ChannelReaders, MessagePage } from '@/lib/chat/queries';
import type { ChannelListItem, ChannelResource, MessageResource, ReactionSummary } from '@/lib/chat/resources';
import { ChannelMenu, ChannelSidebar } from './channel-sidebar';
import { chatReducer, type ChatState } from './chat-state';
import { UploadPanel } from '@/components/files/upload-panel';
import { Composer, type MentionOption } from './composer';
import { MessageItem, type MessageActions } from './message-item';
import { PendingItem } from './pending-item';
import { useMessageTime } from './use-message-time';

export interface ChatViewProps {
  spaceId: string;
  channel: ChannelResource;
  channels: ChannelListItem[];
  archivedChannels: { id: string; name: string }[];
  page: MessagePage;
  readers: ChannelReaders;
  meId: string;
  /** People who may be mentioned here (the channel's audience), with their pinyin. */
  people: MentionOption[];
  canPost: boolean;
  /** Largest file the attach button may send (FILE_MAX_BYTES). */
  fileMaxBytes: number;
  canReact: boolean;
  canModerate: boolean;
  canManage: boolean;
  /** May make tasks (转为任务). */
  canCreateTask: boolean;
  /** Why posting is off (archived channel or space, observer), if it is. */
  notice: string | null;
  timeZone: string;
  /** Open at this message (a search hit) rather than at the latest. */
  focusSeq?: number;
  /** And open this thread. */
  openThreadId?: string;
}

// Within this many pixels of the end counts as "at the latest message".
const AT_END_PX = 80;
const READ_DEBOUNCE_MS = 600;

/** An open group chat: its messages live from the space's stream, the composer, threads and receipts. */
export function ChatView(props: ChatViewProps) {
  const { channel, meId, readers } = props;
  const t = useTranslations('chat');
  const [state, dispatch] = useReducer(chatReducer, undefined, (): ChatState => ({
    channelId: channel.id, messages: props.page.messages, hasOlder: props.page.hasOlder, hasNewer: props.page.hasNewer, pending: [], lastRead: readers.lastRead,
    channels: props.channels, thread: null,
  }));
  const list = useRef<HTMLOListElement>(null);
  const atEnd = useRef(props.focusSeq === undefined);
  const [showJump, setShowJump] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  // A message that arrives while the tab is hidden stays unread until the reader comes back.
  const [visible, setVisible] = useState(() => typeof document === 'undefined' || !document.hidden);
  const formatTime = useMessageTime(props.timeZone);
  const names = useMemo(() => new Map(readers.audience.map((p) => [p.id, p.name])), [readers.audience]);
  const nameOf = useCallback((id: string) => names.get(id) ?? '?', [names]);
  const lastSeq = state.messages.at(-1)?.seq ?? 0;

  useSpaceEvents((event) => {
    switch (event.type) {
      case 'message.created':
      case 'message.updated':
        return dispatch({ type: 'upsert', message: event.data as unknown as MessageResource, meId });
      case 'message.deleted':
        return dispatch({ type: 'deleted', id: String(event.data.id), channelId: String(event.data.channelId) });
      case 'message.reactions':
        return dispatch({ type: 'reactions', messageId: String(event.data.messageId), reactions: event.data.reactions as ReactionSummary[] });
      case 'channel.read':
        return dispatch({ type: 'read', channelId: String(event.data.channelId), userId: String(event.data.userId), lastReadSeq: Number(event.data.lastReadSeq), meId });
      case 'channel.changed': {
        const changed = event.data as unknown as ChannelResource;
        return dispatch({ type: 'channel', channel: changed, visible: !changed.isPrivate || changed.memberIds.includes(meId) });
      }
      case 'reset':
        // Too much was missed to replay: fetch what is newer than what is shown.
        void chatApi.newerMessages(channel.id, lastSeq).then((page) => page.messages.forEach((message) => dispatch({ type: 'upsert', message, meId })));
        return;
    }
  });

  // Opened at a search hit: bring it into view and mark it; with a thread, open that too.
  useEffect(() => {
    if (props.focusSeq !== undefined) list.current?.querySelector(`[data-seq="${props.focusSeq}"]`)?.scrollIntoView({ block: 'center' });
    if (props.openThreadId) void chatApi.thread(props.openThreadId).then((thread) => dispatch({ type: 'thread', thread }), () => {});
  }, [props.focusSeq, props.openThreadId]);

  // Keep the latest message in view while the reader is at the end; otherwise offer to jump.
  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    if (atEnd.current) element.scrollTop = element.scrollHeight;
    else setShowJump(true);
  }, [state.messages.length, state.pending.length]);

  // Reading: at the end of a visible page, the channel is read up to its latest message.
  const myRead = state.lastRead[meId] ?? 0;
  useEffect(() => {
    if (!lastSeq || lastSeq <= myRead || !atEnd.current || !visible) return;
    const timer = setTimeout(() => {
      void chatApi.markRead(channel.id, lastSeq).then(({ lastReadSeq }) =>
        dispatch({ type: 'read', channelId: channel.id, userId: meId, lastReadSeq, meId }), () => {});
    }, READ_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [lastSeq, myRead, channel.id, meId, showJump, visible]);

  useEffect(() => {
    const onVisible = () => setVisible(!document.hidden);
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  const onScroll = () => {
    const element = list.current!;
    atEnd.current = element.scrollHeight - element.scrollTop - element.clientHeight < AT_END_PX;
    if (atEnd.current) setShowJump(false);
  };

  const jumpToEnd = () => {
    list.current?.scrollTo({ top: list.current.scrollHeight });
    atEnd.current = true;
    setShowJump(false);
  };

  const loadOlder = async () => {
    const first = state.messages[0];
    if (!first || loadingOlder) return;
    setLoadingOlder(true);
    const element = list.current!;
    const fromBottom = element.scrollHeight - element.scrollTop;
    try {
      const page = await chatApi.olderMessages(channel.id, first.seq);
      dispatch({ type: 'older', messages: page.messages, hasOlder: page.hasOlder });
      // Keep the message the reader was looking at in place.
      requestAnimationFrame(() => (element.scrollTop = element.scrollHeight - fromBottom));
    } finally {
      setLoadingOlder(false);
    }
  };

  const send = (body: string, parentId: string | null = null, clientKey = crypto.randomUUID()) => {
    dispatch({ type: 'pending', message: { clientKey, body, parentId, failed: false } });
    atEnd.current = true;
    chatApi.post(channel.id, body, clientKey, parentId ?? undefined).then(
      ({ message }) => dispatch({ type: 'upsert', message, clientKey, meId }),
      () => dispatch({ type: 'failed', clientKey }),
    );
  };

  // A file is stored in the space's library, then posted as a message (its name) carrying it.
  const sendFile = async (file: { id: string; name: string }) => {
    const { message } = await chatApi.post(channel.id, file.name, crypto.randomUUID());
    dispatch({ type: 'upsert', message, meId });
    await chatApi.attach(file.id, message.id);
  };

  const openThread = async (message: MessageResource) => {
    dispatch({ type: 'thread', thread: { root: message, replies: [] } });
    dispatch({ type: 'thread', thread: await chatApi.thread(message.id) });
  };

  const actions: MessageActions = {
    reply: openThread,
    ...(props.canCreateTask ? { toTaskHref: (message) => `/spaces/${props.spaceId}/tasks/new?fromMessage=${message.id}` } : {}),
    ...(props.canPost ? {
      edit: (message, body) => void chatApi.edit(message.id, body).then(({ message: saved }) => dispatch({ type: 'upsert', message: saved, meId })),
      remove: (message) => void chatApi.remove(message.id).then(() => dispatch({ type: 'deleted', id: message.id, channelId: message.channelId })),
    } : {}),
    ...(props.canReact ? {
      react: (message, emoji, on) => void chatApi.react(message.id, emoji, on).then(({ reactions }) => dispatch({ type: 'reactions', messageId: message.id, reactions })),
    } : {}),
  };

  const receiptFor = (message: MessageResource) => {
    if (message.author.id !== meId) return undefined;
    const others = readers.audience.filter((p) => p.id !== meId);
    return {
      read: others.filter((p) => (state.lastRead[p.id] ?? 0) >= message.seq),
      unread: others.filter((p) => (state.lastRead[p.id] ?? 0) < message.seq),
    };
  };

  const item = (message: MessageResource, inThread = false) => (
    <MessageItem
      spaceId={props.spaceId}
      focused={!inThread && message.seq === props.focusSeq}
      key={message.id}
      message={message}
      meId={meId}
      time={formatTime(message.createdAt)}
      actions={actions}
      canModerate={props.canModerate}
      receipt={receiptFor(message)}
      nameOf={nameOf}
      inThread={inThread}
    />
  );

  const placeholder = t('composerPlaceholder', { channel: channel.name });
  const hint = t('composerHint');
  const rootPending = state.pending.filter((p) => !p.parentId);
  return (
    <div className="flex h-[calc(100dvh-14rem)] min-h-[26rem] overflow-hidden rounded-lg border border-slate-200 bg-white" data-testid="chat-view">
      <ChannelSidebar spaceId={props.spaceId} channels={state.channels} archived={props.archivedChannels} currentId={channel.id} canManage={props.canManage} />
      <section className="flex min-w-0 flex-1 flex-col" aria-labelledby="channel-title">
        <header className="flex items-center gap-2 border-b border-slate-200 px-3 py-2">
          <ChannelMenu spaceId={props.spaceId} channels={state.channels} archived={props.archivedChannels} currentId={channel.id} canManage={props.canManage} />
          {channel.isPrivate ? <Lock className="size-4 text-slate-500" aria-hidden="true" /> : <Hash className="size-4 text-slate-500" aria-hidden="true" />}
          <h2 id="channel-title" className="truncate font-semibold text-slate-900">{channel.name}</h2>
          {channel.topic && <p className="hidden truncate text-sm text-slate-500 lg:block">{channel.topic}</p>}
          <form role="search" action={`/spaces/${props.spaceId}/chat/search`} className="ml-auto flex items-center">
            <label htmlFor="chat-header-search" className="sr-only">{t('search')}</label>
            <input id="chat-header-search" name="q" type="search" placeholder={t('search')} maxLength={100} className="min-h-9 w-28 rounded-md border border-slate-300 px-2 text-base focus:w-44 sm:w-40 sm:text-sm" />
          </form>
          {props.canManage && (
            <Link href={`/spaces/${props.spaceId}/chat/${channel.id}/settings`} className="flex size-9 shrink-0 items-center justify-center rounded text-slate-600 hover:bg-slate-100" aria-label={t('channelSettings')} title={t('channelSettings')} data-testid="channel-settings">
              <Settings className="size-4" aria-hidden="true" />
            </Link>
          )}
        </header>
        <div className="relative min-h-0 flex-1">
          <ol ref={list} onScroll={onScroll} className="h-full overflow-y-auto py-2" aria-label={channel.name} aria-live="polite" data-testid="message-list">
            <li className="px-3 py-2 text-center text-xs text-slate-500">
              {state.hasOlder ? (
                <button type="button" className="text-brand-700 hover:underline" onClick={() => void loadOlder()} disabled={loadingOlder}>
                  {loadingOlder ? t('loadingOlder') : t('loadOlder')}
                </button>
              ) : state.messages.length ? t('beginning') : null}
            </li>
            {!state.messages.length && !rootPending.length && (
              <li className="px-6 py-10 text-center">
                <p className="font-medium text-slate-800">{t('empty')}</p>
                <p className="mt-1 text-sm text-slate-600">{t('emptyBody')}</p>
              </li>
            )}
            {state.messages.map((message) => item(message))}
            {rootPending.map((pending) => <PendingItem key={pending.clientKey} pending={pending} onRetry={() => send(pending.body, null, pending.clientKey)} />)}
          </ol>
          {state.hasNewer ? (
            <a href={`/spaces/${props.spaceId}/chat/${channel.id}`} className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full bg-brand-600 px-4 py-2 text-sm text-white shadow-lg">
              {t('jumpToLatest')}
            </a>
          ) : showJump && (
            <button type="button" onClick={jumpToEnd} className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full bg-brand-600 px-4 py-2 text-sm text-white shadow-lg" data-testid="jump-to-latest">
              {t('jumpToLatest')}
            </button>
          )}
        </div>
        {props.notice ? (
          <p className="border-t border-slate-200 bg-slate-50 px-3 py-3 text-sm text-slate-600" role="status">{props.notice}</p>
        ) : (
          <Composer
            label={t('composerLabel')}
            placeholder={placeholder}
            hint={hint}
            people={props.people}
            onSend={(body) => send(body)}
            autoFocus={props.focusSeq === undefined}
            accessory={(
              <UploadPanel
                url={`/api/v1/spaces/${props.spaceId}/files?conflict=rename`}
                maxBytes={props.fileMaxBytes}
                label={t('attachFile')}
                look="icon"
                testId="chat-attach"
                onUploaded={sendFile}
              />
            )}
          />
        )}
      </section>
      {state.thread && (
        <aside className="fixed inset-0 z-30 flex flex-col bg-white lg:static lg:z-auto lg:w-96 lg:border-l lg:border-slate-200" aria-labelledby="thread-title" data-testid="thread-panel">
          <header className="flex items-center justify-between border-b border-slate-200 px-3 py-2">
            <h2 id="thread-title" className="font-semibold text-slate-900">{t('thread')}</h2>
            <button type="button" className="flex size-9 items-center justify-center rounded hover:bg-slate-100" aria-label={t('closeThread')} onClick={() => dispatch({ type: 'thread', thread: null })}>
              <X className="size-4" aria-hidden="true" />
            </button>
          </header>
          <ol className="min-h-0 flex-1 overflow-y-auto py-2">
            {item(state.thread.root, true)}
            <li className="mx-3 my-1 border-t border-slate-100" aria-hidden="true" />
            {state.thread.replies.map((reply) => item(reply, true))}
            {state.pending.filter((p) => p.parentId === state.thread!.root.id).map((pending) => (
              <PendingItem key={pending.clientKey} pending={pending} onRetry={() => send(pending.body, pending.parentId, pending.clientKey)} />
            ))}
          </ol>
          {!props.notice && (
            <Composer label={t('replyPlaceholder')} placeholder={t('replyPlaceholder')} people={props.people} onSend={(body) => send(body, state.thread!.root.id)} testId="thread-composer" />
          )}
        </aside>
      )}
    </div>
  );
}
