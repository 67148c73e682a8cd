import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ChatView } from '@/components/chat/chat-view';
import { env } from '@/lib/env';
import { getChatPageData } from '@/lib/chat/page-data';
import { timeZoneOf } from '@/lib/org/time-zone';

interface ChannelPageProps {
  params: Promise<{ spaceId: string; channelId: string }>;
  /** From a search hit: the message to show (`at`, a seq) and the thread it is in. */
  searchParams: Promise<{ at?: string; thread?: string }>;
}

const seqParam = (value: string | undefined) => (value && /^\d{1,15}$/.test(value) ? Number(value) : undefined);

export async function generateMetadata({ params, searchParams }: ChannelPageProps): Promise<Metadata> {
  const [{ spaceId, channelId }, query] = await Promise.all([params, searchParams]);
  const { channel, space } = await getChatPageData(spaceId, channelId, seqParam(query.at));
  return { title: `${channel.name} · ${space.name}` };
}

/** A group chat of the space: live messages, threads, mentions and read receipts. */
export default async function ChannelPage({ params, searchParams }: ChannelPageProps) {
  const [{ spaceId, channelId }, query] = await Promise.all([params, searchParams]);
  const at = seqParam(query.at);
  const [data, t] = await Promise.all([getChatPageData(spaceId, channelId, at), getTranslations('chat')]);
  return (
    <ChatView
      key={`${data.channel.id}:${at ?? ''}`}
      spaceId={data.space.id}
      channel={data.channel}
      channels={data.channels}
      archivedChannels={data.archivedChannels}
      page={data.page}
      readers={data.readers}
      meId={data.user.id}
      people={data.people}
      canPost={data.canPost}
      fileMaxBytes={env.FILE_MAX_BYTES}
      canReact={data.canReact}
      canModerate={data.allowed.has('chat.manageChannels')}
      canManage={data.allowed.has('chat.manageChannels')}
      canCreateTask={data.allowed.has('task.create')}
      notice={data.notice ? t(data.notice) : null}
      timeZone={timeZoneOf(data.user)}
      focusSeq={at}
      openThreadId={query.thread}
    />
  );
}
