import { notFound } from 'next/navigation';
import { cache } from 'react';
import { userActor } from '@/lib/auth/actor';
import { loadOrNotFound } from '@/lib/http/page-data';
import { pinyinKey } from '@/lib/org/people';
import { getSpacePageData } from '@/lib/spaces/page-data';
import { channelReaders, getChannel, listChannels, listMessages } from './queries';
import { channelResource } from './resources';

/**
 * Everything a channel's page shows, read once: the channel and the space's list, the latest
 * messages, who reads it (for receipts and mentions) and what the viewer may do there.
 */
export const getChatPageData = cache(async (spaceId: string, channelId: string, around?: number) => {
  const { user, space, allowed } = await getSpacePageData(spaceId);
  const actor = userActor(user);
  const channel = await loadOrNotFound(() => getChannel(actor, channelId));
  // A channel of another space under this space's address does not exist here.
  if (channel.spaceId !== space.id) notFound();
  const [allChannels, page, readers] = await Promise.all([
    listChannels(actor, space.id, { archived: true }), listMessages(actor, channelId, around ? { around } : {}), channelReaders(actor, channelId),
  ]);
  const channels = allChannels.filter((c) => !c.archivedAt);
  const archivedChannels = allChannels.filter((c) => c.archivedAt).map(({ id, name }) => ({ id, name }));
  const people = readers.audience
    .filter((person) => person.id !== user.id)
    .map(({ id, name }) => ({ id, name, searchKey: `${name} ${pinyinKey(name)}`.toLowerCase() }));
  const archived = Boolean(channel.archivedAt);
  return {
    user, space, allowed, channels, archivedChannels, page, readers, people,
    channel: channelResource(channel, channel.isPrivate ? readers.audience.map((p) => p.id) : []),
    canPost: allowed.has('chat.post') && !archived,
    canReact: allowed.has('space.comment') && !archived,
    notice: space.status === 'archived' ? 'spaceArchivedNotice' : archived ? 'channelArchivedNotice' : allowed.has('chat.post') ? null : 'readOnlyNotice',
  } as const;
});
