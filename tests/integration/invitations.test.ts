import { describe, expect, it } from 'vitest';
import { systemActor, userActor } from '@/lib/auth/actor';
import { verifyCredentials } from '@/lib/auth/sign-in';
import { acceptInvitation, findOpenInvitation, inviteUser } from '@/lib/org/invitations';
import { findUserByEmail } from '@/lib/org/queries';
import { setupTestDatabase } from './support/database';
import { seedDepartment, seedOrganization, seedUser, uniqueEmail } from './support/factories';

setupTestDatabase();
const tokenOf = (path: string) => path.split('/').pop()!;

describe('invitations', () => {
  it('creates the account and a one-time link that sets the password', async () => {
    const org = await seedOrganization();
    const department = await seedDepartment(org.id, '新部门-邀请');
    const email = uniqueEmail('invitee');
    const { user, path } = await inviteUser(systemActor, org.id, { email, name: '新同事', departmentId: department.id });
    expect(user).toMatchObject({ email, departmentId: department.id, passwordHash: null });
    expect(path).toMatch(/^\/invite\/[\w-]{40,}$/);
    expect((await findOpenInvitation(tokenOf(path)))?.user.id).toBe(user.id);

    await acceptInvitation(tokenOf(path), { password: 'a-strong-pass', confirmPassword: 'a-strong-pass' });
    expect(await verifyCredentials({ email, password: 'a-strong-pass' }, null)).toMatchObject({ ok: true });
    // Spent: a second use, or any use of a made-up link, is refused.
    await expect(acceptInvitation(tokenOf(path), { password: 'another-pass', confirmPassword: 'another-pass' })).rejects.toMatchObject({ status: 404 });
    await expect(acceptInvitation('made-up', { password: 'another-pass', confirmPassword: 'another-pass' })).rejects.toMatchObject({ status: 404 });
  });

  it('checks the password before spending the link', async () => {
    const org = await seedOrganization();
    const { path } = await inviteUser(systemActor, org.id, { email: uniqueEmail(), name: '甲' });
    await expect(acceptInvitation(tokenOf(path), { password: 'short', confirmPassword: 'other' })).rejects.toMatchObject({
      fieldErrors: { password: ['passwordTooShort'], confirmPassword: ['passwordMismatch'] },
    });
    expect(await findOpenInvitation(tokenOf(path))).not.toBeNull();
  });

  it('refuses an existing email and non-admins, creating nothing', async () => {
    const org = await seedOrganization();
    const existing = await seedUser();
    await expect(inviteUser(systemActor, org.id, { email: existing.email, name: '重复' })).rejects.toMatchObject({ status: 409 });
    const member = await seedUser();
    const email = uniqueEmail('nope');
    await expect(inviteUser(userActor(member), org.id, { email, name: '越权' })).rejects.toMatchObject({ status: 403 });
    expect(await findUserByEmail(email)).toBeNull();
  });
});
