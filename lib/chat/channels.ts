import { and, eq, ne } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { channelMembers, channels, departments, type Channel, type NewChannel, type Space } from '@/db/schema';
import { actorId, type Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { Conflict, Invalid } from '@/lib/errors';
import { emitSpaceEvent } from '@/lib/realtime/events';
import { authorizeSpace } from '@/lib/spaces/access';
import { assertSpaceMembers } from '@/lib/spaces/guards';
import { parseInput } from '@/lib/validation';
import { authorizeChannel } from './access';
import { channelResource, type ChannelResource } from './resources';
import { createChannelSchema, updateChannelSchema, type CreateChannelInput, type UpdateChannelInput } from './schema';

/** The name of every space's channel for all of its members (data, renamable, like any channel name). */
export const ALL_CHANNEL_NAME = '全员';

/** A new space's group chats: its 全员 channel, then the template's (public topics). */
export async function createDefaultChannels(tx: Transaction, space: Space, templateChannels: readonly { name: string; topic: string }[], createdBy: string | null) {
  const rows: NewChannel[] = [{ spaceId: space.id, name: ALL_CHANNEL_NAME, kind: 'all', createdBy }];
  for (const { name, topic } of templateChannels) {
    if (!rows.some((row) => row.name === name)) rows.push({ spaceId: space.id, name, topic: topic || null, kind: 'topic', createdBy });
  }
  await tx.insert(channels).values(rows);
}

async function assertNameFree(tx: Transaction, spaceId: string, name: string, exceptId?: string) {
  const [taken] = await tx.select({ id: channels.id }).from(channels)
    .where(and(eq(channels.spaceId, spaceId), eq(channels.name, name), ...(exceptId ? [ne(channels.id, exceptId)] : [])));
  if (taken) throw Conflict('channelNameTaken', { name: ['channelNameTaken'] });
}

async function replaceMembers(tx: Transaction, channelId: string, memberIds: readonly string[]) {
  await tx.delete(channelMembers).where(eq(channelMembers.channelId, channelId));
  if (memberIds.length) await tx.insert(channelMembers).values(memberIds.map((userId) => ({ channelId, userId })));
}

/** Announces a channel's new state to the space (a private one's to its members, and to those it lost). */
async function announceChannel(tx: Transaction, channel: Channel, memberIds: readonly string[], formerMemberIds: readonly string[] = []) {
  const resource = channelResource(channel, memberIds);
  await emitSpaceEvent(tx, channel.spaceId, { type: 'channel.changed', data: { ...resource, formerMemberIds } });
  return resource;
}

/**
 * Opens a group chat in a space (space admins and owners): a department's or a topic's, public
 * to the space or private to the listed members (the creator always among them).
 */
export async function createChannel(actor: Actor, spaceId: string, input: CreateChannelInput): Promise<ChannelResource> {
  const data = parseInput(createChannelSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { space } = await authorizeSpace(tx, actor, spaceId, 'chat.manageChannels');
    if (data.departmentId) {
      const [department] = await tx.select({ id: departments.id }).from(departments)
        .where(and(eq(departments.id, data.departmentId), eq(departments.organizationId, space.organizationId)));
      if (!department) throw Invalid({ departmentId: ['departmentUnknown'] });
    } else if (data.kind === 'department') throw Invalid({ departmentId: ['required'] });
    await assertNameFree(tx, spaceId, data.name);
    const creator = actorId(actor);
    const memberIds = data.isPrivate ? [...new Set([...(creator ? [creator] : []), ...data.memberIds])] : [];
    await assertSpaceMembers(tx, spaceId, memberIds, 'memberIds', 'userNotMember');
    const [channel] = await tx.insert(channels).values({
      spaceId, name: data.name, topic: data.topic ?? null, kind: data.kind, departmentId: data.departmentId ?? null,
      isPrivate: data.isPrivate, createdBy: creator,
    }).returning();
    await replaceMembers(tx, channel!.id, memberIds);
    await recordAudit(tx, actor, {
      organizationId: space.organizationId, spaceId, action: 'channel.create', targetType: 'channel', targetId: channel!.id,
      data: { after: { name: data.name, isPrivate: data.isPrivate } },
    });
    return announceChannel(tx, channel!, memberIds);
  });
}

async function currentMembers(tx: Transaction, channelId: string): Promise<string[]> {
  const rows = await tx.select({ userId: channelMembers.userId }).from(channelMembers).where(eq(channelMembers.channelId, channelId));
  return rows.map((row) => row.userId);
}

/** Renames a channel, changes its topic, or (private channels) its members. */
export async function updateChannel(actor: Actor, channelId: string, input: UpdateChannelInput): Promise<ChannelResource> {
  const data = parseInput(updateChannelSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { channel, access } = await authorizeChannel(tx, actor, channelId, 'chat.manageChannels');
    if (data.name !== undefined) await assertNameFree(tx, channel.spaceId, data.name, channel.id);
    const before = await currentMembers(tx, channelId);
    let members = before;
    if (data.memberIds !== undefined) {
      if (!channel.isPrivate) throw Invalid({ memberIds: ['channelPublic'] });
      await assertSpaceMembers(tx, channel.spaceId, data.memberIds, 'memberIds', 'userNotMember');
      members = [...new Set(data.memberIds)];
      if (!members.length) throw Invalid({ memberIds: ['channelNeedsMember'] });
      await replaceMembers(tx, channelId, members);
    }
    const changes = { ...(data.name !== undefined ? { name: data.name } : {}), ...(data.topic !== undefined ? { topic: data.topic } : {}) };
    const [updated] = Object.keys(changes).length
      ? await tx.update(channels).set(changes).where(and(eq(channels.id, channelId), eq(channels.spaceId, channel.spaceId))).returning()
      : [channel];
    await recordAudit(tx, actor, {
      organizationId: access.space.organizationId, spaceId: channel.spaceId, action: 'channel.update', targetType: 'channel', targetId: channelId,
      data: { before: { name: channel.name, topic: channel.topic }, after: changes },
    });
    return announceChannel(tx, updated!, members, before.filter((id) => !members.includes(id)));
  });
}

/** Archives a channel (read-only, out of the list) or opens it again; the 全员 channel stays. */
export async function setChannelArchived(actor: Actor, channelId: string, archived: boolean): Promise<ChannelResource> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { channel, access } = await authorizeChannel(tx, actor, channelId, 'chat.manageChannels');
    if (channel.kind === 'all') throw Conflict('channelAllStays');
    if (Boolean(channel.archivedAt) === archived) throw Conflict(archived ? 'channelAlreadyArchived' : 'channelNotArchived');
    const [updated] = await tx.update(channels).set({ archivedAt: archived ? new Date() : null })
      .where(and(eq(channels.id, channelId), eq(channels.spaceId, channel.spaceId))).returning();
    await recordAudit(tx, actor, {
      organizationId: access.space.organizationId, spaceId: channel.spaceId, action: archived ? 'channel.archive' : 'channel.unarchive',
      targetType: 'channel', targetId: channelId, data: { before: { name: channel.name } },
    });
    return announceChannel(tx, updated!, await currentMembers(tx, channelId));
  });
}
