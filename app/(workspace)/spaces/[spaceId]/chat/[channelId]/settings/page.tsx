import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ChannelSettingsForm } from '@/components/chat/channel-settings-form';
import { ActionButton } from '@/components/ui/action-button';
import { archiveChannelAction } from '@/lib/chat/actions';
import { getChatPageData } from '@/lib/chat/page-data';
import { pinyinKey } from '@/lib/org/people';
import { getSpacePageData } from '@/lib/spaces/page-data';

interface ChannelSettingsPageProps {
  params: Promise<{ spaceId: string; channelId: string }>;
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('chat'))('channelSettings') };
}

/** A group chat's name, topic, members (private chats) and archiving, for space admins and owners. */
export default async function ChannelSettingsPage({ params }: ChannelSettingsPageProps) {
  const { spaceId, channelId } = await params;
  const [{ channel, space, allowed }, { members }, t] = await Promise.all([getChatPageData(spaceId, channelId), getSpacePageData(spaceId), getTranslations('chat')]);
  if (!allowed.has('chat.manageChannels')) notFound();
  const people = members.map((m) => ({
    id: m.userId, name: m.name, email: m.email, departmentName: m.departmentName, searchKey: `${m.name} ${m.email} ${pinyinKey(m.name)}`.toLowerCase(),
  }));
  const base = `/spaces/${space.id}/chat/${channel.id}`;
  return (
    <section className="max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="channel-settings-title">
      <div className="flex items-center justify-between gap-2">
        <h2 id="channel-settings-title" className="text-lg font-semibold text-slate-900">{t('channelSettings')} · {channel.name}</h2>
        <Link href={base} className="text-sm text-brand-700 hover:underline">{t('backToChat')}</Link>
      </div>
      <ChannelSettingsForm channel={channel} people={people} />
      {channel.kind !== 'all' && (
        <div className="flex items-center justify-between gap-2 border-t border-slate-100 pt-4">
          <p className="text-sm text-slate-600">{channel.archivedAt ? t('channelArchivedNotice') : t('archiveHint')}</p>
          <ActionButton
            action={archiveChannelAction}
            fields={{ channelId: channel.id, archived: channel.archivedAt ? 'false' : 'true' }}
            label={channel.archivedAt ? t('unarchive') : t('archive')}
            tone={channel.archivedAt ? 'default' : 'danger'}
            confirm={channel.archivedAt ? undefined : t('archiveConfirm', { name: channel.name })}
          />
        </div>
      )}
    </section>
  );
}
