import { and, count, eq, inArray } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { departments, spaceMembers, users, type SpaceMember } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { emitSpaceEvent } from '@/lib/realtime/events';
import { Conflict, NotFound } from '@/lib/errors';
import { assertActiveUsersInOrg, assertDepartmentsInOrg } from '@/lib/org/guards';
import { isUuid, parseInput } from '@/lib/validation';
import { authorizeSpace } from './access';
import { SPACE_ADMINS_MAX } from './rules';
import {
  addSpaceMembersSchema, updateSpaceMemberSchema, type AddSpaceMembersInput, type UpdateSpaceMemberInput,
} from './schema';

/** The departments and every department below them (inviting a department invites its whole subtree). */
async function departmentSubtrees(tx: Transaction, organizationId: string, rootIds: string[]): Promise<string[]> {
  const all = await tx.select({ id: departments.id, parentId: departments.parentId }).from(departments).where(eq(departments.organizationId, organizationId));
  const childrenOf = new Map<string, string[]>();
  for (const d of all) if (d.parentId) childrenOf.set(d.parentId, [...(childrenOf.get(d.parentId) ?? []), d.id]);
  const found = new Set(rootIds);
  // A Set visits what is added while iterating, so this walks the whole subtree.
  for (const id of found) for (const child of childrenOf.get(id) ?? []) found.add(child);
  return [...found];
}

async function adminCount(tx: Transaction, spaceId: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(spaceMembers).where(and(eq(spaceMembers.spaceId, spaceId), eq(spaceMembers.isAdmin, true)));
  return row!.n;
}

/** The ids of a space's members. */
export async function memberIdsOf(executor: Pick<Transaction, 'select'>, spaceId: string): Promise<string[]> {
  return (await executor.select({ userId: spaceMembers.userId }).from(spaceMembers).where(eq(spaceMembers.spaceId, spaceId))).map((r) => r.userId);
}

/**
 * Invites people to a space with one role: named users and/or whole departments (with their
 * sub-departments; only active people). Naming someone who is already a member is refused;
 * department members who already belong are skipped. Returns the user ids added.
 */
export async function addSpaceMembers(actor: Actor, spaceId: string, input: AddSpaceMembersInput): Promise<string[]> {
  const data = parseInput(addSpaceMembersSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { space } = await authorizeSpace(tx, actor, spaceId, 'space.manageMembers', { lock: true });
    const named = [...new Set(data.userIds)];
    await assertActiveUsersInOrg(tx, space.organizationId, named, 'userIds');
    await assertDepartmentsInOrg(tx, space.organizationId, data.departmentIds, 'departmentIds');
    const existing = new Set(await memberIdsOf(tx, spaceId));
    if (named.some((id) => existing.has(id))) throw Conflict('alreadyMember', { userIds: ['alreadyMember'] });

    const fromDepartments = data.departmentIds.length
      ? await tx
          .select({ id: users.id })
          .from(users)
          .where(and(
            eq(users.organizationId, space.organizationId),
            eq(users.isActive, true),
            inArray(users.departmentId, await departmentSubtrees(tx, space.organizationId, data.departmentIds)),
          ))
      : [];
    const added = [...new Set([...named, ...fromDepartments.map((u) => u.id)])].filter((id) => !existing.has(id));
    if (added.length) {
      await tx.insert(spaceMembers).values(added.map((userId) => ({ spaceId, userId, role: data.role })));
      await recordAudit(tx, actor, {
        organizationId: space.organizationId, spaceId, action: 'space.member.add', targetType: 'space', targetId: spaceId,
        data: { after: { userIds: added, role: data.role }, departmentIds: data.departmentIds },
      });
    }
    return added;
  });
}

async function findMember(tx: Transaction, spaceId: string, userId: string): Promise<SpaceMember> {
  if (!isUuid(userId)) throw NotFound();
  const [member] = await tx.select().from(spaceMembers).where(and(eq(spaceMembers.spaceId, spaceId), eq(spaceMembers.userId, userId)));
  if (!member) throw NotFound();
  return member;
}

/** Changes a member's role and/or space-admin flag: at most two admins, never none. */
export async function updateSpaceMember(actor: Actor, spaceId: string, userId: string, input: UpdateSpaceMemberInput): Promise<SpaceMember> {
  const data = parseInput(updateSpaceMemberSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { space } = await authorizeSpace(tx, actor, spaceId, 'space.manageMembers', { lock: true });
    const member = await findMember(tx, spaceId, userId);
    if (data.isAdmin === true && !member.isAdmin && (await adminCount(tx, spaceId)) >= SPACE_ADMINS_MAX) {
      throw Conflict('spaceAdminsTooMany', { isAdmin: ['spaceAdminsTooMany'] });
    }
    if (data.isAdmin === false && member.isAdmin && (await adminCount(tx, spaceId)) <= 1) {
      throw Conflict('lastSpaceAdmin', { isAdmin: ['lastSpaceAdmin'] });
    }
    const [updated] = await tx
      .update(spaceMembers)
      .set({ role: data.role ?? member.role, isAdmin: data.isAdmin ?? member.isAdmin })
      .where(and(eq(spaceMembers.spaceId, spaceId), eq(spaceMembers.userId, userId)))
      .returning();
    await recordAudit(tx, actor, {
      organizationId: space.organizationId, spaceId, action: 'space.member.update', targetType: 'user', targetId: userId,
      data: { before: { role: member.role, isAdmin: member.isAdmin }, after: { role: updated!.role, isAdmin: updated!.isAdmin } },
    });
    return updated!;
  });
}

/** Removes a member; the last space admin stays until another admin is named. */
export async function removeSpaceMember(actor: Actor, spaceId: string, userId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { space } = await authorizeSpace(tx, actor, spaceId, 'space.manageMembers', { lock: true });
    const member = await findMember(tx, spaceId, userId);
    if (member.isAdmin && (await adminCount(tx, spaceId)) <= 1) throw Conflict('lastSpaceAdmin');
    await tx.delete(spaceMembers).where(and(eq(spaceMembers.spaceId, spaceId), eq(spaceMembers.userId, userId)));
    await recordAudit(tx, actor, {
      organizationId: space.organizationId, spaceId, action: 'space.member.remove', targetType: 'user', targetId: userId,
      data: { before: { role: member.role, isAdmin: member.isAdmin } },
    });
    // Their open streams of the space end.
    await emitSpaceEvent(tx, spaceId, { type: 'member.removed', data: { userIds: [userId] } });
  });
}
