import { eq } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { spaceDepartments, spaceMembers, spaces, type Space, type SpaceRole } from '@/db/schema';
import { actorId, type Actor } from '@/lib/auth/actor';
import { assertCanInOrg, assertCanInSpace } from '@/lib/auth/permissions';
import { recordAudit } from '@/lib/audit';
import { createDefaultChannels } from '@/lib/chat/channels';
import { Conflict, Invalid } from '@/lib/errors';
import { assertActiveUsersInOrg, assertDepartmentsInOrg } from '@/lib/org/guards';
import { createStarterPlan } from '@/lib/tasks/starter-plan';
import { resolveSpaceTemplate } from '@/lib/templates/space-templates';
import { parseInput } from '@/lib/validation';
import { authorizeSpace, loadSpaceAccess } from './access';
import { createSpaceSchema, updateSpaceSchema, type CreateSpaceInput, type UpdateSpaceInput } from './schema';

/** The settings of a space as the audit log records them before and after a change. */
function settingsSnapshot(space: Space, departmentIds: string[]) {
  const { name, goal, description, coverColor, startDate, endDate, status } = space;
  return { name, goal, description, coverColor, startDate, endDate, status, departmentIds: [...departmentIds].sort() };
}

async function departmentIdsOf(tx: Transaction, spaceId: string): Promise<string[]> {
  const rows = await tx.select({ id: spaceDepartments.departmentId }).from(spaceDepartments).where(eq(spaceDepartments.spaceId, spaceId));
  return rows.map((r) => r.id);
}

/**
 * Creates a space with its departments and first members in one transaction. The admins (one or
 * two) join as 负责人; the creator joins as a participant if not among them; `memberIds` join as
 * participants. From a template, the space remembers which one and starts with its tasks and milestones.
 */
export async function createSpace(actor: Actor, organizationId: string, input: CreateSpaceInput): Promise<Space> {
  assertCanInOrg(actor, organizationId, 'org.createSpace');
  const data = parseInput(createSpaceSchema, input);
  const adminIds = [...new Set(data.adminIds)];
  const creatorId = actorId(actor);
  const template = data.templateKey ? await resolveSpaceTemplate(actor, organizationId, data.templateKey) : null;

  const roles = new Map<string, { role: SpaceRole; isAdmin: boolean }>();
  for (const id of data.memberIds ?? []) roles.set(id, { role: 'participant', isAdmin: false });
  if (creatorId) roles.set(creatorId, { role: 'participant', isAdmin: false });
  for (const id of adminIds) roles.set(id, { role: 'owner', isAdmin: true });

  const db = await getDb();
  return db.transaction(async (tx) => {
    await assertDepartmentsInOrg(tx, organizationId, data.departmentIds, 'departmentIds');
    await assertActiveUsersInOrg(tx, organizationId, adminIds, 'adminIds');
    await assertActiveUsersInOrg(tx, organizationId, data.memberIds ?? [], 'memberIds');
    const [space] = await tx
      .insert(spaces)
      .values({
        organizationId,
        name: data.name,
        goal: data.goal,
        description: data.description ?? null,
        coverColor: data.coverColor,
        startDate: data.startDate,
        endDate: data.endDate,
        templateKey: data.templateKey ?? null,
        createdBy: creatorId,
      })
      .returning();
    const departmentIds = [...new Set(data.departmentIds)];
    await tx.insert(spaceDepartments).values(departmentIds.map((departmentId) => ({ spaceId: space!.id, departmentId })));
    await tx.insert(spaceMembers).values([...roles].map(([userId, r]) => ({ spaceId: space!.id, userId, ...r })));
    if (template) await createStarterPlan(tx, actor, space!, template.content, adminIds[0]!);
    await createDefaultChannels(tx, space!, template?.content.channels ?? [], creatorId);
    await recordAudit(tx, actor, {
      organizationId, spaceId: space!.id, action: 'space.create', targetType: 'space', targetId: space!.id,
      data: { after: settingsSnapshot(space!, departmentIds) },
    });
    return space!;
  });
}

/** Changes a space's settings (admins); the dates must still make sense together. */
export async function updateSpace(actor: Actor, spaceId: string, input: UpdateSpaceInput): Promise<Space> {
  const data = parseInput(updateSpaceSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { space } = await authorizeSpace(tx, actor, spaceId, 'space.manageSettings', { lock: true });
    const startDate = data.startDate ?? space.startDate;
    const endDate = data.endDate ?? space.endDate;
    if (endDate < startDate) throw Invalid({ endDate: ['endBeforeStart'] });
    const beforeDepartments = await departmentIdsOf(tx, spaceId);
    const before = settingsSnapshot(space, beforeDepartments);
    const { departmentIds, ...fields } = data;
    const [updated] = await tx
      .update(spaces)
      .set({ ...fields, startDate, endDate })
      .where(eq(spaces.id, spaceId))
      .returning();
    let afterDepartments = beforeDepartments;
    if (departmentIds) {
      afterDepartments = [...new Set(departmentIds)];
      await assertDepartmentsInOrg(tx, space.organizationId, afterDepartments, 'departmentIds');
      await tx.delete(spaceDepartments).where(eq(spaceDepartments.spaceId, spaceId));
      await tx.insert(spaceDepartments).values(afterDepartments.map((departmentId) => ({ spaceId, departmentId })));
    }
    await recordAudit(tx, actor, {
      organizationId: space.organizationId, spaceId, action: 'space.update', targetType: 'space', targetId: spaceId,
      data: { before, after: settingsSnapshot(updated!, afterDepartments) },
    });
    return updated!;
  });
}

async function setArchived(actor: Actor, spaceId: string, archive: boolean): Promise<Space> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const access = await loadSpaceAccess(tx, actor, spaceId, { lock: true });
    // Admins asking for the state the space is already in learn that; others get the usual refusal.
    if ((access.space.status === 'archived') === archive) {
      assertCanInSpace(actor, access, 'space.viewAudit');
      throw Conflict(archive ? 'spaceAlreadyArchived' : 'spaceNotArchived');
    }
    assertCanInSpace(actor, access, archive ? 'space.archive' : 'space.unarchive');
    const [updated] = await tx
      .update(spaces)
      .set({ status: archive ? 'archived' : 'active', archivedAt: archive ? new Date() : null })
      .where(eq(spaces.id, spaceId))
      .returning();
    await recordAudit(tx, actor, {
      organizationId: access.space.organizationId, spaceId, action: archive ? 'space.archive' : 'space.unarchive',
      targetType: 'space', targetId: spaceId,
      data: { before: { status: access.space.status }, after: { status: updated!.status } },
    });
    return updated!;
  });
}

/** Makes the space read-only for everyone (org or space admins). */
export function archiveSpace(actor: Actor, spaceId: string): Promise<Space> {
  return setArchived(actor, spaceId, true);
}

/** Opens an archived space for work again (org or space admins). */
export function unarchiveSpace(actor: Actor, spaceId: string): Promise<Space> {
  return setArchived(actor, spaceId, false);
}
