import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, users } from '@/db/schema';
import { systemActor, userActor } from '@/lib/auth/actor';
import { verifyPassword } from '@/lib/auth/password';
import { listDepartmentTree } from '@/lib/org/queries';
import { ensureOrganization, setOwnLocale } from '@/lib/org/service';
import { createUser } from '@/lib/org/user-admin-service';
import { setupTestDatabase } from './support/database';
import { seedDepartment, seedOrganization, seedUser, TEST_PASSWORD, uniqueEmail } from './support/factories';

const database = setupTestDatabase();

describe('organisation and users', () => {
  it('keeps one organisation per installation', async () => {
    const first = await ensureOrganization('甲公司');
    const second = await ensureOrganization('乙公司');
    expect(second.id).toBe(first.id);
  });

  it('stores a real password hash, never the password', async () => {
    const user = await seedUser();
    expect(user.passwordHash).toMatch(/^\$2[aby]\$1\d\$/);
    expect(user.passwordHash).not.toContain(TEST_PASSWORD);
    expect(await verifyPassword(TEST_PASSWORD, user.passwordHash!)).toBe(true);
  });

  it('refuses a second account with the same email in any letter case', async () => {
    const email = uniqueEmail('dup');
    await seedUser({ email });
    await expect(seedUser({ email: email.toUpperCase() })).rejects.toMatchObject({
      status: 409, fieldErrors: { email: ['emailTaken'] },
    });
  });

  it('reports every invalid field at once', async () => {
    await expect(seedUser({ email: 'nope', name: '  ', password: 'short' })).rejects.toMatchObject({
      status: 422,
      fieldErrors: { email: ['emailInvalid'], name: ['required'], password: ['passwordTooShort'] },
    });
  });

  it('lets an org admin create users but not a plain member', async () => {
    const org = await seedOrganization();
    const admin = await seedUser({ isOrgAdmin: true });
    const member = await seedUser();
    const created = await createUser(userActor(admin), org.id, { email: uniqueEmail(), name: '新同事', password: TEST_PASSWORD });
    expect(created.organizationId).toBe(org.id);
    await expect(
      createUser(userActor(member), org.id, { email: uniqueEmail(), name: '不该创建', password: TEST_PASSWORD }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('records who created a user in the audit trail', async () => {
    const admin = await seedUser({ isOrgAdmin: true });
    const created = await createUser(userActor(admin), admin.organizationId, { email: uniqueEmail(), name: '审计', password: TEST_PASSWORD });
    const [entry] = await database.handle.db.select().from(auditEvents).where(eq(auditEvents.targetId, created.id));
    expect(entry).toMatchObject({ action: 'user.create', actorId: admin.id, organizationId: admin.organizationId });
  });

  it('places a user in a department of the organisation only', async () => {
    const org = await seedOrganization();
    const department = await seedDepartment(org.id, '研发部');
    const user = await seedUser({ departmentId: department.id });
    expect(user.departmentId).toBe(department.id);
    await expect(seedUser({ departmentId: crypto.randomUUID() })).rejects.toMatchObject({
      status: 422, fieldErrors: { departmentId: ['departmentUnknown'] },
    });
  });

  it('returns the department tree with children in order', async () => {
    const org = await seedOrganization();
    const parent = await seedDepartment(org.id, '市场部-树');
    await seedDepartment(org.id, '品牌组', parent.id);
    const tree = await listDepartmentTree(org.id);
    const node = tree.find((d) => d.id === parent.id);
    expect(node?.children.map((c) => c.name)).toEqual(['品牌组']);
  });

  it('saves a user’s own language and refuses an unsupported one', async () => {
    const user = await seedUser();
    await setOwnLocale(userActor(user), 'en');
    const [row] = await database.handle.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.locale).toBe('en');
    await expect(setOwnLocale(userActor(user), 'fr' as 'en')).rejects.toMatchObject({ status: 422 });
    await expect(setOwnLocale(systemActor, 'en')).rejects.toMatchObject({ status: 404 });
  });
});
