import { and, eq, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { channelMembers, channels, messages, spaceMembers, spaces, users, type Channel } from '@/db/schema';
import { actorId, type Actor } from '@/lib/auth/actor';
import { assertCanInSpace, type SpaceAction } from '@/lib/auth/permissions';
import { Forbidden, Invalid, NotFound } from '@/lib/errors';
import { avatarUrl } from '@/lib/org/avatar-rules';
import { authorizeSpace, type LoadedSpaceAccess } from '@/lib/spaces/access';
import { isUuid } from '@/lib/validation';

type Executor = Database | Transaction;

export async function isChannelMember(executor: Executor, channelId: string, userId: string | null): Promise<boolean> {
  if (!userId) return false;
  const [row] = await executor.select({ userId: channelMembers.userId }).from(channelMembers)
    .where(and(eq(channelMembers.channelId, channelId), eq(channelMembers.userId, userId)));
  return Boolean(row);
}

/**
 * The channel and the actor's access to its space, checked for `action`. Whoever may not see
 * the space, and whoever is not in a private channel, gets 404: the channel does not exist for
 * them. Posting to an archived channel is refused with a reason.
 */
export async function authorizeChannel(
  executor: Executor,
  actor: Actor,
  channelId: string,
  action: Extract<SpaceAction, 'space.view' | 'space.comment' | 'chat.post' | 'chat.manageChannels'>,
): Promise<{ channel: Channel; access: LoadedSpaceAccess }> {
  if (!isUuid(channelId)) throw NotFound();
  const [channel] = await executor.select().from(channels).where(eq(channels.id, channelId));
  if (!channel) throw NotFound();
  const access = await authorizeSpace(executor, actor, channel.spaceId, 'space.view');
  if (channel.isPrivate && actor.kind === 'user' && !(await isChannelMember(executor, channelId, actorId(actor)))) throw NotFound();
  assertCanInSpace(actor, access, action);
  if ((action === 'chat.post' || action === 'space.comment') && channel.archivedAt) throw Forbidden('channelArchived');
  return { channel, access };
}

/** Throws `Invalid` on `sourceMessageId` unless it is a message of the space in a channel the actor sees. */
export async function assertMessageVisible(executor: Executor, actor: Actor, spaceId: string, messageId: string): Promise<void> {
  const [message] = await executor.select({ channelId: messages.channelId }).from(messages).where(and(eq(messages.id, messageId), eq(messages.spaceId, spaceId)));
  if (!message) throw Invalid({ sourceMessageId: ['messageUnknown'] });
  try {
    await authorizeChannel(executor, actor, message.channelId, 'space.view');
  } catch {
    throw Invalid({ sourceMessageId: ['messageUnknown'] });
  }
}

/**
 * Everything posting needs to know, in one query: the channel, the actor's standing in its space
 * (checked for chat.post like authorizeChannel: 404 for whoever may not see it) and the author's
 * name and picture for the announced message.
 */
export async function authorizePost(executor: Executor, actor: Actor, channelId: string) {
  if (!isUuid(channelId) || actor.kind !== 'user') throw NotFound();
  const user = actor.user;
  const [row] = await executor
    .select({
      channel: channels, status: spaces.status, organizationId: spaces.organizationId, role: spaceMembers.role, isAdmin: spaceMembers.isAdmin,
      authorName: users.name, authorAvatarKey: users.avatarKey,
      inChannel: sql<boolean>`exists (select 1 from ${channelMembers} where ${channelMembers.channelId} = ${channels.id} and ${channelMembers.userId} = ${user.id})`,
    })
    .from(channels)
    .innerJoin(spaces, eq(spaces.id, channels.spaceId))
    .innerJoin(users, eq(users.id, user.id))
    .leftJoin(spaceMembers, and(eq(spaceMembers.spaceId, channels.spaceId), eq(spaceMembers.userId, user.id)))
    .where(and(eq(channels.id, channelId), eq(spaces.organizationId, user.organizationId)));
  if (!row || (row.channel.isPrivate && !row.inChannel)) throw NotFound();
  const access = { space: { organizationId: row.organizationId, status: row.status }, membership: row.role ? { role: row.role, isAdmin: Boolean(row.isAdmin) } : null };
  assertCanInSpace(actor, access, 'chat.post');
  if (row.channel.archivedAt) throw Forbidden('channelArchived');
  return { channel: row.channel, author: { id: user.id, name: row.authorName, avatarUrl: avatarUrl(row.authorAvatarKey) } };
}
