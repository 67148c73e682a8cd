import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb, type Database } from '@/db/client';
import { departments, organizations, userFavoriteDepartments, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import { assertCanInOrg } from '@/lib/auth/permissions';
import { recordAudit } from '@/lib/audit';
import { Conflict, Invalid, NotFound } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { parseInput } from '@/lib/validation';
import {
  createDepartmentSchema, createUserSchema, favoriteDepartmentsSchema, localeSchema, preferencesSchema, profileSchema,
  type CreateDepartmentInput, type CreateUserInput, type PreferencesInput, type ProfileInput,
} from './schema';

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Throws `Invalid` on `field` unless every id is a department of the organisation. */
async function assertDepartmentsInOrg(tx: Transaction, organizationId: string, ids: string[], field: string) {
  if (!ids.length) return;
  const found = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(inArray(departments.id, ids), eq(departments.organizationId, organizationId)));
  if (found.length !== new Set(ids).size) throw Invalid({ [field]: ['departmentUnknown'] });
}

function requireUserActor(actor: Actor) {
  if (actor.kind !== 'user') throw NotFound();
  return actor.user;
}

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
    if (data.parentId) await assertDepartmentsInOrg(tx, organizationId, [data.parentId], 'parentId');
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
    if (data.departmentId) await assertDepartmentsInOrg(tx, organizationId, [data.departmentId], 'departmentId');
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
  const self = requireUserActor(actor);
  const data = parseInput(localeSchema, locale);
  const db = await getDb();
  const [user] = await db.update(users).set({ locale: data }).where(eq(users.id, self.id)).returning({ id: users.id });
  if (!user) throw NotFound();
}

/** The acting user's own profile: name, department, title and contact (also first-sign-in onboarding). */
export async function updateOwnProfile(actor: Actor, input: ProfileInput) {
  const self = requireUserActor(actor);
  const data = parseInput(profileSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await assertDepartmentsInOrg(tx, self.organizationId, [data.departmentId], 'departmentId');
    const [user] = await tx
      .update(users)
      .set({ name: data.name, departmentId: data.departmentId, title: data.title ?? null, phone: data.phone })
      .where(eq(users.id, self.id))
      .returning();
    if (!user) throw NotFound();
    await recordAudit(tx, actor, {
      organizationId: self.organizationId, action: 'profile.update', targetType: 'user', targetId: self.id,
    });
    return user;
  });
}

/** The acting user's language, time zone and how much they want to be notified. */
export async function updateOwnPreferences(actor: Actor, input: PreferencesInput) {
  const self = requireUserActor(actor);
  const data = parseInput(preferencesSchema, input);
  const db = await getDb();
  const [user] = await db.update(users).set(data).where(eq(users.id, self.id)).returning();
  if (!user) throw NotFound();
  return user;
}

/** Replaces the acting user's favourite departments (常用部门), pinned in their navigation. */
export async function setOwnFavoriteDepartments(actor: Actor, input: { departmentIds?: unknown }) {
  const self = requireUserActor(actor);
  const { departmentIds } = parseInput(favoriteDepartmentsSchema, input);
  const unique = [...new Set(departmentIds)];
  const db = await getDb();
  await db.transaction(async (tx) => {
    await assertDepartmentsInOrg(tx, self.organizationId, unique, 'departmentIds');
    await tx.delete(userFavoriteDepartments).where(eq(userFavoriteDepartments.userId, self.id));
    if (unique.length) {
      await tx.insert(userFavoriteDepartments).values(unique.map((departmentId) => ({ userId: self.id, departmentId })));
    }
  });
  return unique;
}
