/** Where a message is read: its channel, scrolled to it, with its thread open when it is a reply. */
export function messageHref(spaceId: string, message: { channelId: string; seq: number; parentId: string | null }): string {
  return `/spaces/${spaceId}/chat/${message.channelId}?at=${message.seq}${message.parentId ? `&thread=${message.parentId}` : ''}`;
}
