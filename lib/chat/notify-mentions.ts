import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { notifyUsers } from '@/lib/notify/service';
import { messageHref } from './links';
import { messagePlainText } from './markdown';
import type { MessageResource } from './resources';

const EXCERPT_LENGTH = 80;

/**
 * Tells the members a new message @mentions, in their notification centres (a routine kind: for
 * those who asked for all messages; the chat's own mention counts reach everyone). Written after
 * the message is stored, in its own transaction: the message never waits on it, and @channel
 * alone notifies nobody here (it is counted in the channel).
 */
export async function notifyMentioned(actor: Actor, organizationId: string, channel: { spaceId: string; name: string }, message: MessageResource) {
  if (!message.mentions.length) return;
  const names = new Map(message.mentions.map((m) => [m.id, m.name]));
  const text = messagePlainText(message.body, (id) => names.get(id)).replace(/\s+/g, ' ').trim();
  const db = await getDb();
  await db.transaction((tx) => notifyUsers(tx, actor, message.mentions.map((m) => m.id), {
    organizationId, spaceId: channel.spaceId, kind: 'chat.mentioned',
    data: { channel: channel.name, excerpt: text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text },
    href: messageHref(channel.spaceId, message), dedupeKey: `message:${message.id}`,
  }));
}
