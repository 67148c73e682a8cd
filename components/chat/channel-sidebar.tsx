'use client';

import { Archive, ChevronDown, Hash, Lock, Plus } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ChannelListItem } from '@/lib/chat/resources';
import { UNREAD_CAP } from '@/lib/chat/rules';

interface ChannelSidebarProps {
  spaceId: string;
  channels: readonly ChannelListItem[];
  /** Archived chats: read-only, listed apart. */
  archived: readonly { id: string; name: string }[];
  currentId: string;
  canManage: boolean;
}

const count = (n: number) => (n >= UNREAD_CAP ? `${UNREAD_CAP - 1}+` : String(n));

function ChannelLinks({ spaceId, channels, currentId }: Pick<ChannelSidebarProps, 'spaceId' | 'channels' | 'currentId'>) {
  const t = useTranslations('chat');
  return (
    <ul className="space-y-0.5" data-testid="channel-list">
      {channels.map((channel) => {
        const current = channel.id === currentId;
        return (
          <li key={channel.id}>
            <Link
              href={`/spaces/${spaceId}/chat/${channel.id}`}
              aria-current={current ? 'page' : undefined}
              className={`flex min-h-10 items-center gap-2 rounded-md px-2 text-sm ${current ? 'bg-brand-50 font-medium text-brand-800' : 'text-slate-700 hover:bg-slate-100'}`}
              data-testid="channel-link"
            >
              {channel.isPrivate ? <Lock className="size-3.5 shrink-0" aria-hidden="true" /> : <Hash className="size-3.5 shrink-0" aria-hidden="true" />}
              <span className={`min-w-0 flex-1 truncate ${channel.unread && !current ? 'font-semibold text-slate-900' : ''}`}>{channel.name}</span>
              {channel.mentions > 0 && !current && (
                <span className="rounded-full bg-amber-500 px-1.5 text-xs font-semibold text-white" aria-label={t('mentionBadge', { count: channel.mentions })} data-testid="mention-badge">@</span>
              )}
              {channel.unread > 0 && !current && (
                <span className="rounded-full bg-red-600 px-1.5 text-xs font-semibold text-white" aria-label={t('unreadBadge', { count: channel.unread })} data-testid="unread-badge">
                  {count(channel.unread)}
                </span>
              )}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

function ArchivedLinks({ spaceId, archived, currentId }: Pick<ChannelSidebarProps, 'spaceId' | 'archived' | 'currentId'>) {
  const t = useTranslations('chat');
  if (!archived.length) return null;
  return (
    <details className="text-sm" open={archived.some((c) => c.id === currentId) || undefined}>
      <summary className="cursor-pointer px-2 py-1 text-xs font-medium text-slate-500">{t('archivedChannels')} · {archived.length}</summary>
      <ul>
        {archived.map((channel) => (
          <li key={channel.id}>
            <Link href={`/spaces/${spaceId}/chat/${channel.id}`} aria-current={channel.id === currentId ? 'page' : undefined} className="flex min-h-9 items-center gap-2 rounded-md px-2 text-slate-500 hover:bg-slate-100">
              <Archive className="size-3.5" aria-hidden="true" />
              <span className="truncate">{channel.name}</span>
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}

function NewChannelLink({ spaceId }: { spaceId: string }) {
  const t = useTranslations('chat');
  return (
    <Link href={`/spaces/${spaceId}/chat/new`} className="flex min-h-10 items-center gap-2 rounded-md px-2 text-sm text-brand-700 hover:bg-slate-100" data-testid="new-channel">
      <Plus className="size-4" aria-hidden="true" />
      {t('newChannel')}
    </Link>
  );
}

/** The space's group chats with unread and mention badges, as a column on wide screens. */
export function ChannelSidebar(props: ChannelSidebarProps) {
  const t = useTranslations('chat');
  return (
    <nav aria-label={t('channels')} className="hidden w-56 shrink-0 flex-col gap-2 overflow-y-auto border-r border-slate-200 bg-slate-50 p-2 md:flex">
      <ChannelLinks {...props} />
      {props.canManage && <NewChannelLink spaceId={props.spaceId} />}
      <ArchivedLinks {...props} />
    </nav>
  );
}

/** The same list on phones: a menu in the chat's header, with the unread count of the other chats. */
export function ChannelMenu(props: ChannelSidebarProps) {
  const t = useTranslations('chat');
  const unread = props.channels.filter((c) => c.id !== props.currentId).reduce((sum, c) => sum + c.unread, 0);
  return (
    <details className="group relative md:hidden">
      <summary className="flex min-h-9 cursor-pointer list-none items-center gap-1 rounded-md border border-slate-200 bg-white px-2 text-sm text-slate-700" aria-label={t('channels')}>
        {unread > 0 && <span className="rounded-full bg-red-600 px-1.5 text-xs text-white" data-testid="other-unread">{count(unread)}</span>}
        <ChevronDown className="size-4 group-open:rotate-180" aria-hidden="true" />
      </summary>
      <nav aria-label={t('channels')} className="absolute left-0 z-20 mt-1 w-64 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
        <ChannelLinks {...props} />
        {props.canManage && <NewChannelLink spaceId={props.spaceId} />}
        <ArchivedLinks {...props} />
      </nav>
    </details>
  );
}
