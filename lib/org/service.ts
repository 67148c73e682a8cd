import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { organizations, userFavoriteDepartments, users } from '@/db/schema';
import { requireUserActor, type Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { NotFound } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { parseInput } from '@/lib/validation';
import { assertDepartmentsInOrg } from './guards';
import { organizationHasDepartments } from './queries';
import {
  favoriteDepartmentsSchema, localeSchema, preferencesSchema, profileSchema, profileWithoutDepartmentSchema, type PreferencesInput, type ProfileInput,
} from './schema';

/** The organisation's name when the first account arrives other than through the demo seed. */
export const DEFAULT_ORGANIZATION_NAME = 'My Company';

/** The installation's organisation: the first one made (tests may make more), or none yet. */
export async function installationOrganization() {
  const db = await getDb();
  const [first] = await db.select().from(organizations).orderBy(asc(organizations.createdAt), asc(organizations.id)).limit(1);
  return first;
}

/** Returns the installation's organisation, creating it with `name` when there is none yet. */
export async function ensureOrganization(name: string = DEFAULT_ORGANIZATION_NAME) {
  const existing = await installationOrganization();
  if (existing) return existing;
  const db = await getDb();
  const [created] = await db.insert(organizations).values({ name }).returning();
  return created!;
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
  const departmentsExist = await organizationHasDepartments(self.organizationId);
  const data = parseInput(departmentsExist ? profileSchema : profileWithoutDepartmentSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (data.departmentId) await assertDepartmentsInOrg(tx, self.organizationId, [data.departmentId], 'departmentId');
    const [user] = await tx
      .update(users)
      .set({ name: data.name, departmentId: data.departmentId ?? null, title: data.title ?? null, phone: data.phone })
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
