import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { userIdentities, users } from '@/db/schema';
import { systemActor } from '@/lib/auth/actor';
import { resolveSsoUser } from '@/lib/auth/sso';
import { setUserActive } from '@/lib/org/user-admin-service';
import { setupTestDatabase } from './support/database';
import { seedDepartment, seedOrganization, seedUser, uniqueEmail } from './support/factories';

const database = setupTestDatabase();
const subject = () => `sub-${crypto.randomUUID()}`;

async function usersWithEmail(email: string) {
  const [row] = await database.handle.db.select({ n: count() }).from(users).where(eq(users.email, email));
  return row!.n;
}

describe('SSO accounts', () => {
  it('creates a user just in time with the IdP name and the department from its claim', async () => {
    const org = await seedOrganization();
    const department = await seedDepartment(org.id, '品牌部-SSO');
    const email = uniqueEmail('jit');
    const result = await resolveSsoUser({ sub: subject(), email, email_verified: true, name: '周思远', department: '品牌部-SSO' });
    expect(result).toMatchObject({ ok: true, created: true, user: { email, name: '周思远', departmentId: department.id, phone: null } });
  });

  it('finds the same user by subject next time, even if the IdP changed the email', async () => {
    const sub = subject();
    const first = await resolveSsoUser({ sub, email: uniqueEmail('a'), email_verified: true, name: '甲' });
    const again = await resolveSsoUser({ sub, email: uniqueEmail('b'), email_verified: true, name: '甲' });
    expect(again).toMatchObject({ ok: true, created: false, user: { id: first.ok ? first.user.id : 'x' } });
  });

  it('links an existing local account by verified email instead of duplicating it', async () => {
    const local = await seedUser();
    const sub = subject();
    const result = await resolveSsoUser({ sub, email: local.email.toUpperCase(), email_verified: true, name: '别名' });
    expect(result).toMatchObject({ ok: true, created: false, user: { id: local.id } });
    expect(await usersWithEmail(local.email)).toBe(1);
    const [identity] = await database.handle.db.select().from(userIdentities).where(eq(userIdentities.subject, sub));
    expect(identity?.userId).toBe(local.id);
  });

  it('refuses to link an existing email the IdP has not verified', async () => {
    const local = await seedUser();
    expect(await resolveSsoUser({ sub: subject(), email: local.email, name: 'x' })).toEqual({ ok: false, reason: 'sso_email_unverified' });
    expect(await resolveSsoUser({ sub: subject(), email: local.email, email_verified: false })).toEqual({ ok: false, reason: 'sso_email_unverified' });
    expect(await usersWithEmail(local.email)).toBe(1);
  });

  it('refuses an identity without an email claim', async () => {
    expect(await resolveSsoUser({ sub: subject(), name: '无邮箱' })).toEqual({ ok: false, reason: 'sso_no_email' });
    expect(await resolveSsoUser({ sub: subject(), email: 'not an email' })).toEqual({ ok: false, reason: 'sso_no_email' });
  });

  it('refuses a deactivated user, whether found by subject or by email', async () => {
    const sub = subject();
    const created = await resolveSsoUser({ sub, email: uniqueEmail('gone'), email_verified: true });
    if (!created.ok) throw new Error('expected a user');
    await setUserActive(systemActor, created.user.organizationId, created.user.id, false);
    expect(await resolveSsoUser({ sub, email: created.user.email, email_verified: true })).toEqual({ ok: false, reason: 'sso_deactivated' });
    const local = await seedUser();
    await setUserActive(systemActor, local.organizationId, local.id, false);
    expect(await resolveSsoUser({ sub: subject(), email: local.email, email_verified: true })).toEqual({ ok: false, reason: 'sso_deactivated' });
  });

  it('ignores a department claim that names no department, and over-long names', async () => {
    const result = await resolveSsoUser({ sub: subject(), email: uniqueEmail('nodept'), email_verified: true, name: 'x'.repeat(200), department: '不存在的部门' });
    expect(result).toMatchObject({ ok: true, user: { departmentId: null } });
    expect(result.ok && result.user.name.length).toBeLessThanOrEqual(60);
  });
});
