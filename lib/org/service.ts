import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { departments, organizations, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import { assertCanInOrg } from '@/lib/auth/permissions';
import { recordAudit } from '@/lib/audit';
import { Conflict, Invalid, NotFound } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { parseInput } from '@/lib/validation';
import {
  createDepartmentSchema, createUserSchema, localeSchema, type CreateDepartmentInput, type CreateUserInput,
} from './schema';

/** Returns the installation's organisation, creating it with `name` when there is none yet. */
export async function ensureOrganization(name: string) {
  const db = await getDb();
  const [existing] = await db.select().from(organizations).limit(1);
  if (existing) return existing;
  const [created] = await db.insert(organizations).values({ name }).returning();
  return created!;
}

export async function createDepartment(actor: Actor, organizationId: string, input: CreateDepartmentInput) {
  assertCanInOrg(actor, organizationId, 'org.manageDepartments');
  const data = parseInput(createDepartmentSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (data.parentId) {
      const [parent] = await tx
        .select({ id: departments.id })
        .from(departments)
        .where(and(eq(departments.id, data.parentId), eq(departments.organizationId, organizationId)));
      if (!parent) throw Invalid({ parentId: ['departmentUnknown'] });
    }
    const [department] = await tx
      .insert(departments)
      .values({ organizationId, name: data.name, parentId: data.parentId ?? null, sortOrder: data.sortOrder ?? 0 })
      .returning();
    await recordAudit(tx, actor, {
      organizationId, action: 'department.create', targetType: 'department', targetId: department!.id,
    });
    return department!;
  });
}

export async function createUser(actor: Actor, organizationId: string, input: CreateUserInput) {
  assertCanInOrg(actor, organizationId, 'org.manageUsers');
  const data = parseInput(createUserSchema, input);
  const passwordHash = data.password ? await hashPassword(data.password) : null;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${data.email}`);
    if (taken) throw Conflict('emailTaken', { email: ['emailTaken'] });
    if (data.departmentId) {
      const [department] = await tx
        .select({ id: departments.id })
        .from(departments)
        .where(and(eq(departments.id, data.departmentId), eq(departments.organizationId, organizationId)));
      if (!department) throw Invalid({ departmentId: ['departmentUnknown'] });
    }
    const { password: _password, ...profile } = data;
    const [user] = await tx.insert(users).values({ ...profile, organizationId, passwordHash }).returning();
    await recordAudit(tx, actor, {
      organizationId, action: 'user.create', targetType: 'user', targetId: user!.id,
      data: { email: user!.email, isOrgAdmin: user!.isOrgAdmin },
    });
    return user!;
  });
}

/** Activates or deactivates a user; deactivation ends every session of theirs at once. */
export async function setUserActive(actor: Actor, organizationId: string, userId: string, isActive: boolean) {
  assertCanInOrg(actor, organizationId, 'org.manageUsers');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ isActive, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(and(eq(users.id, userId), eq(users.organizationId, organizationId)))
      .returning();
    if (!user) throw NotFound();
    await recordAudit(tx, actor, {
      organizationId, action: isActive ? 'user.activate' : 'user.deactivate', targetType: 'user', targetId: userId,
    });
    return user;
  });
}

/** The acting user's own language choice. */
export async function setOwnLocale(actor: Actor, locale: Locale) {
  if (actor.kind !== 'user') throw NotFound();
  const data = parseInput(localeSchema, locale);
  const db = await getDb();
  const [user] = await db
    .update(users)
    .set({ locale: data })
    .where(eq(users.id, actor.user.id))
    .returning({ id: users.id });
  if (!user) throw NotFound();
}
