import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { departments, directoryDepartmentLinks, directoryUserLinks, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { createUser, setUserActive } from '@/lib/org/user-admin-service';
import type { DepartmentRef, SyncPlan } from './plan';
import type { DirectorySource } from './rules';

/** Where the plan's department references point once the new departments exist. */
function resolver(created: Map<string, string>) {
  return (ref: DepartmentRef): string | null => {
    if (ref === null) return null;
    if ('id' in ref) return ref.id;
    const id = created.get(ref.externalId);
    if (!id) throw new Error(`Department ${ref.externalId} was planned but not created`);
    return id;
  };
}

async function linkDepartment(tx: Transaction, organizationId: string, source: DirectorySource, externalId: string, departmentId: string, digest: string) {
  await tx.insert(directoryDepartmentLinks).values({ organizationId, source, externalId, departmentId, digest, lastSeenAt: new Date() })
    .onConflictDoUpdate({
      target: [directoryDepartmentLinks.organizationId, directoryDepartmentLinks.source, directoryDepartmentLinks.externalId],
      set: { departmentId, digest, lastSeenAt: new Date() },
    });
}

async function linkUser(tx: Transaction, organizationId: string, source: DirectorySource, externalId: string, userId: string, digest: string | null) {
  await tx.insert(directoryUserLinks).values({ organizationId, source, externalId, userId, digest, lastSeenAt: new Date() })
    .onConflictDoUpdate({
      target: [directoryUserLinks.organizationId, directoryUserLinks.source, directoryUserLinks.externalId],
      set: { userId, digest, lastSeenAt: new Date() },
    });
}

async function applyDepartments(tx: Transaction, actor: Actor, organizationId: string, source: DirectorySource, plan: SyncPlan) {
  const created = new Map<string, string>();
  const resolve = resolver(created);
  // Parents come before children in the plan, so each parent exists when its child is written.
  for (const d of plan.departments.create) {
    const parentId = resolve(d.parent);
    // New departments go last among their siblings, as when an admin adds one.
    const [last] = await tx.select({ max: sql<number>`coalesce(max(${departments.sortOrder}), -1)` }).from(departments)
      .where(and(eq(departments.organizationId, organizationId), parentId ? eq(departments.parentId, parentId) : isNull(departments.parentId)));
    const [row] = await tx.insert(departments).values({ organizationId, name: d.name, parentId, sortOrder: Number(last?.max ?? -1) + 1 }).returning({ id: departments.id });
    created.set(d.externalId, row!.id);
    await linkDepartment(tx, organizationId, source, d.externalId, row!.id, d.digest);
    await recordAudit(tx, actor, { organizationId, action: 'department.create', targetType: 'department', targetId: row!.id, data: { source, externalId: d.externalId } });
  }
  for (const d of plan.departments.update) {
    if (d.name || d.parent) {
      await tx.update(departments)
        .set({ ...(d.name ? { name: d.name.to } : {}), ...(d.parent ? { parentId: resolve(d.parent.to) } : {}) })
        .where(and(eq(departments.id, d.departmentId), eq(departments.organizationId, organizationId)));
    }
    if (d.name) await recordAudit(tx, actor, { organizationId, action: 'department.rename', targetType: 'department', targetId: d.departmentId, data: { source, from: d.name.from, to: d.name.to } });
    if (d.parent) await recordAudit(tx, actor, { organizationId, action: 'department.move', targetType: 'department', targetId: d.departmentId, data: { source } });
    await linkDepartment(tx, organizationId, source, d.externalId, d.departmentId, d.digest);
  }
  return resolve;
}

/**
 * Writes a plan in the caller's transaction (the sync's one transaction: nothing half-imported).
 * Deactivations go through `setUserActive`, so sessions end and the leavers' open tasks are announced.
 */
export async function applyPlan(tx: Transaction, actor: Actor, organizationId: string, source: DirectorySource, plan: SyncPlan): Promise<void> {
  const resolve = await applyDepartments(tx, actor, organizationId, source, plan);

  for (const p of plan.people.create) {
    const departmentId = resolve(p.department);
    const { employeeId, ...profile } = p.fields;
    const user = await createUser(actor, organizationId, {
      email: profile.email, name: profile.name, phone: profile.phone ?? undefined, title: profile.title ?? undefined,
      departmentId: departmentId ?? undefined,
    }, tx);
    if (employeeId) await tx.update(users).set({ employeeId }).where(and(eq(users.id, user.id), eq(users.organizationId, organizationId)));
    await linkUser(tx, organizationId, source, p.externalId, user.id, p.digest);
  }

  for (const p of plan.people.update) {
    const set: Partial<typeof users.$inferInsert> = {};
    for (const [key, change] of Object.entries(p.changes)) (set as Record<string, unknown>)[key] = change.to;
    if (p.department) set.departmentId = resolve(p.department.to);
    if (Object.keys(set).length) {
      await tx.update(users).set(set).where(and(eq(users.id, p.userId), eq(users.organizationId, organizationId)));
      await recordAudit(tx, actor, { organizationId, action: 'user.update', targetType: 'user', targetId: p.userId, data: { source, fields: Object.keys(set) } });
    }
    if (p.active === true) await setUserActive(actor, organizationId, p.userId, true, tx);
    await linkUser(tx, organizationId, source, p.externalId, p.userId, p.digest);
  }

  for (const d of plan.people.deactivate) {
    await setUserActive(actor, organizationId, d.userId, false, tx);
    // A leaver who comes back later is imported afresh: the stored digest no longer matches anything.
    if (d.reason === 'leftSource') await linkUser(tx, organizationId, source, d.externalId, d.userId, null);
  }

  await touchUnchanged(tx, organizationId, source, plan);
}

/** Records the source still lists move their `lastSeenAt` only. */
async function touchUnchanged(tx: Transaction, organizationId: string, source: DirectorySource, plan: SyncPlan) {
  const now = new Date();
  const scope = (table: typeof directoryUserLinks | typeof directoryDepartmentLinks) => and(eq(table.organizationId, organizationId), eq(table.source, source));
  if (plan.unchanged.people.length) {
    await tx.update(directoryUserLinks).set({ lastSeenAt: now })
      .where(and(scope(directoryUserLinks), inArray(directoryUserLinks.externalId, plan.unchanged.people)));
  }
  if (plan.unchanged.departments.length) {
    await tx.update(directoryDepartmentLinks).set({ lastSeenAt: now })
      .where(and(scope(directoryDepartmentLinks), inArray(directoryDepartmentLinks.externalId, plan.unchanged.departments)));
  }
}
