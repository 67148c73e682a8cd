import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { departments, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCanInOrg } from '@/lib/auth/permissions';
import { recordAudit } from '@/lib/audit';
import { Conflict, Invalid, NotFound } from '@/lib/errors';
import { isUuid, parseInput } from '@/lib/validation';
import { assertDepartmentsInOrg } from './guards';
import { createDepartmentSchema, moveDepartmentSchema, renameDepartmentSchema, type CreateDepartmentInput } from './schema';

/** The departments directly under `parentId` (the top level when null). */
function siblingsUnder(organizationId: string, parentId: string | null) {
  return and(
    eq(departments.organizationId, organizationId),
    parentId ? eq(departments.parentId, parentId) : isNull(departments.parentId),
  );
}

export async function createDepartment(actor: Actor, organizationId: string, input: CreateDepartmentInput) {
  assertCanInOrg(actor, organizationId, 'org.manageDepartments');
  const data = parseInput(createDepartmentSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (data.parentId) await assertDepartmentsInOrg(tx, organizationId, [data.parentId], 'parentId');
    const parentId = data.parentId ?? null;
    // New departments go last among their siblings unless told otherwise.
    const [last] = await tx
      .select({ max: sql<number>`coalesce(max(${departments.sortOrder}), -1)` })
      .from(departments)
      .where(siblingsUnder(organizationId, parentId));
    const [department] = await tx
      .insert(departments)
      .values({ organizationId, name: data.name, parentId, sortOrder: data.sortOrder ?? Number(last?.max ?? -1) + 1 })
      .returning();
    await recordAudit(tx, actor, {
      organizationId, action: 'department.create', targetType: 'department', targetId: department!.id,
    });
    return department!;
  });
}


async function findDepartment(organizationId: string, id: string) {
  if (!isUuid(id)) throw NotFound();
  const db = await getDb();
  const [department] = await db
    .select()
    .from(departments)
    .where(and(eq(departments.id, id), eq(departments.organizationId, organizationId)));
  if (!department) throw NotFound();
  return department;
}

export async function renameDepartment(actor: Actor, organizationId: string, id: string, input: { name?: unknown }) {
  assertCanInOrg(actor, organizationId, 'org.manageDepartments');
  const { name } = parseInput(renameDepartmentSchema, input);
  await findDepartment(organizationId, id);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [department] = await tx
      .update(departments)
      .set({ name })
      .where(and(eq(departments.id, id), eq(departments.organizationId, organizationId)))
      .returning();
    if (!department) throw NotFound();
    await recordAudit(tx, actor, { organizationId, action: 'department.rename', targetType: 'department', targetId: id, data: { name } });
    return department;
  });
}

/**
 * Moves a department under another parent (or to the top level) and to a position among its
 * siblings, renumbering them. A department cannot move under itself or its own descendants.
 */
export async function moveDepartment(actor: Actor, organizationId: string, id: string, input: unknown) {
  assertCanInOrg(actor, organizationId, 'org.manageDepartments');
  const { parentId, position } = parseInput(moveDepartmentSchema, input);
  await findDepartment(organizationId, id);
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (parentId) {
      await assertDepartmentsInOrg(tx, organizationId, [parentId], 'parentId');
      // Walk up from the new parent: meeting the department itself would make a cycle.
      const all = await tx
        .select({ id: departments.id, parentId: departments.parentId })
        .from(departments)
        .where(eq(departments.organizationId, organizationId));
      const parentOf = new Map(all.map((d) => [d.id, d.parentId]));
      for (let cursor: string | null | undefined = parentId; cursor; cursor = parentOf.get(cursor)) {
        if (cursor === id) throw Invalid({ parentId: ['departmentCycle'] });
      }
    }
    const siblings = await tx
      .select({ id: departments.id })
      .from(departments)
      .where(siblingsUnder(organizationId, parentId))
      .orderBy(asc(departments.sortOrder), asc(departments.name));
    const order = siblings.map((s) => s.id).filter((siblingId) => siblingId !== id);
    order.splice(Math.min(position, order.length), 0, id);
    for (const [index, siblingId] of order.entries()) {
      await tx
        .update(departments)
        .set(siblingId === id ? { parentId, sortOrder: index } : { sortOrder: index })
        .where(and(eq(departments.id, siblingId), eq(departments.organizationId, organizationId)));
    }
    await recordAudit(tx, actor, {
      organizationId, action: 'department.move', targetType: 'department', targetId: id, data: { parentId, position },
    });
  });
}

/** Deletes an empty department; one with sub-departments or members is refused. */
export async function deleteDepartment(actor: Actor, organizationId: string, id: string) {
  assertCanInOrg(actor, organizationId, 'org.manageDepartments');
  await findDepartment(organizationId, id);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [child] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.parentId, id)).limit(1);
    const [member] = await tx.select({ id: users.id }).from(users).where(eq(users.departmentId, id)).limit(1);
    if (child || member) throw Conflict('departmentNotEmpty');
    await tx.delete(departments).where(and(eq(departments.id, id), eq(departments.organizationId, organizationId)));
    await recordAudit(tx, actor, { organizationId, action: 'department.delete', targetType: 'department', targetId: id });
  });
}
