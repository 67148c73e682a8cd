import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { userActor } from '@/lib/auth/actor';
import { resolveSsoUser } from '@/lib/auth/sso';
import { createDepartment } from '@/lib/org/department-service';
import { isOnboardingDue } from '@/lib/org/queries';
import { updateOwnProfile } from '@/lib/org/service';
import { setupTestDatabase } from './support/database';
import { uniqueEmail } from './support/factories';

// This file's database starts empty: no organisation, no departments, no users.
const database = setupTestDatabase();

async function reload(id: string) {
  const [row] = await database.handle.db.select().from(users).where(eq(users.id, id));
  return row!;
}

async function ssoPerson(name: string) {
  const result = await resolveSsoUser({ sub: `sub-${crypto.randomUUID()}`, email: uniqueEmail('sso'), email_verified: true, name });
  if (!result.ok) throw new Error(result.reason);
  return result.user;
}

describe('a new installation that signs in through SSO only', () => {
  it('makes the first person the organisation admin, and nobody after them', async () => {
    const first = await ssoPerson('第一位');
    const second = await ssoPerson('第二位');
    expect(first.isOrgAdmin).toBe(true);
    expect(second.isOrgAdmin).toBe(false);
  });

  it('completes onboarding without a department while none exists, and asks for one once they do', async () => {
    const person = await ssoPerson('林小雨');
    expect(await isOnboardingDue(person)).toBe(true);
    await updateOwnProfile(userActor(person), { name: '林小雨', phone: '13800001111' });
    const saved = await reload(person.id);
    expect(saved.departmentId).toBeNull();
    expect(await isOnboardingDue(saved)).toBe(false);

    const admin = (await database.handle.db.select().from(users).where(eq(users.isOrgAdmin, true)))[0]!;
    const department = await createDepartment(userActor(admin), admin.organizationId, { name: '市场部' });
    expect(await isOnboardingDue(saved)).toBe(true);
    await expect(updateOwnProfile(userActor(saved), { name: '林小雨', phone: '13800001111' })).rejects.toMatchObject({
      fieldErrors: { departmentId: ['required'] },
    });
    await updateOwnProfile(userActor(saved), { name: '林小雨', phone: '13800001111', departmentId: department.id });
    expect(await isOnboardingDue(await reload(person.id))).toBe(false);
  });
});
