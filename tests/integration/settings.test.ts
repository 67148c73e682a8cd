import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { users } from '@/db/schema';
import { createTokenAction, revokeTokenAction } from '@/lib/auth/actions';
import { listPersonalAccessTokens } from '@/lib/auth/tokens';
import {
  completeOnboardingAction, updateFavoriteDepartmentsAction, updatePreferencesAction, updateProfileAction,
} from '@/lib/org/actions';
import { isProfileComplete } from '@/lib/org/profile-rules';
import { listFavoriteDepartments } from '@/lib/org/queries';
import { setupTestDatabase } from './support/database';
import { seedDepartment, seedOrganization, seedUser } from './support/factories';
import { cookieJar, signInAs } from './support/session';

vi.mock('next/headers', async () => (await import('./support/session')).cookieJarModule());
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const database = setupTestDatabase();
beforeEach(() => cookieJar.clear());

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

async function reload(id: string) {
  const [row] = await database.handle.db.select().from(users).where(eq(users.id, id));
  return row!;
}

describe('first sign-in onboarding', () => {
  it('counts a profile without department or contact as incomplete', async () => {
    const user = await seedUser();
    expect(isProfileComplete(user)).toBe(false);
  });

  it('saves the profile and goes on to the workspace', async () => {
    const org = await seedOrganization();
    const department = await seedDepartment(org.id, '客服部');
    const user = await seedUser({ name: 'IdP 名字' });
    await signInAs(user);
    const submit = completeOnboardingAction(null, form({ name: '林小雨', departmentId: department.id, phone: '+86 138-0000-1111', title: '' }));
    await expect(submit).rejects.toMatchObject({ digest: expect.stringContaining('NEXT_REDIRECT') });
    const saved = await reload(user.id);
    expect(saved).toMatchObject({ name: '林小雨', departmentId: department.id, phone: '+86 138-0000-1111', title: null });
    expect(isProfileComplete(saved)).toBe(true);
  });

  it('reports every bad field in the user’s language, keeps what was typed and saves nothing', async () => {
    const user = await seedUser({ name: '原名' });
    await signInAs(user);
    const state = await completeOnboardingAction(null, form({ name: 'x'.repeat(61), departmentId: crypto.randomUUID(), phone: 'call me' }));
    expect(state).toMatchObject({
      ok: false,
      message: '提交的内容有误，请检查标出的字段。',
      fieldErrors: { name: ['内容过长'], phone: [expect.stringContaining('有效的电话号码')] },
      values: { name: 'x'.repeat(61), phone: 'call me' },
    });
    expect((await reload(user.id)).name).toBe('原名');
  });

  it('refuses a department of another organisation or an unknown one', async () => {
    const user = await seedUser();
    await signInAs(user);
    const state = await updateProfileAction(null, form({ name: '甲', departmentId: crypto.randomUUID(), phone: '13800001111' }));
    expect(state).toMatchObject({ ok: false, fieldErrors: { departmentId: ['所选部门不存在'] } });
  });

  it('refuses a signed-out visitor', async () => {
    const state = await updateProfileAction(null, form({ name: '甲' }));
    expect(state).toMatchObject({ ok: false, message: '请先登录。' });
  });
});

describe('personal settings', () => {
  it('saves language, time zone and notification preference, answering in the new language', async () => {
    const user = await seedUser();
    await signInAs(user);
    const state = await updatePreferencesAction(null, form({ locale: 'en', timeZone: 'Europe/Berlin', notificationPreference: 'all' }));
    expect(state).toMatchObject({ ok: true });
    expect(await reload(user.id)).toMatchObject({ locale: 'en', timeZone: 'Europe/Berlin', notificationPreference: 'all' });
    const refused = await updatePreferencesAction(null, form({ locale: 'fr', timeZone: 'Mars/Olympus', notificationPreference: 'loud' }));
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { locale: ['Invalid value'], timeZone: ['Choose a valid time zone'], notificationPreference: ['Invalid value'] },
    });
  });

  it('replaces the favourite departments and refuses unknown ones without changing anything', async () => {
    const org = await seedOrganization();
    const [a, b] = [await seedDepartment(org.id, '财务部-收藏'), await seedDepartment(org.id, '法务部-收藏')];
    const user = await seedUser();
    await signInAs(user);
    expect(await updateFavoriteDepartmentsAction(null, form({ departmentIds: [a.id, b.id] }))).toMatchObject({ ok: true });
    expect((await listFavoriteDepartments(user.id)).map((d) => d.id).sort()).toEqual([a.id, b.id].sort());
    expect(await updateFavoriteDepartmentsAction(null, form({ departmentIds: [a.id, crypto.randomUUID()] }))).toMatchObject({ ok: false });
    expect(await listFavoriteDepartments(user.id)).toHaveLength(2);
    expect(await updateFavoriteDepartmentsAction(null, form({}))).toMatchObject({ ok: true });
    expect(await listFavoriteDepartments(user.id)).toEqual([]);
  });

  it('creates a token shown once and revokes it; another user cannot revoke it', async () => {
    const user = await seedUser();
    await signInAs(user);
    const created = await createTokenAction(null, form({ name: '同步脚本' }));
    expect(created).toMatchObject({ ok: true, data: { token: expect.stringMatching(/^xz_pat_/) } });
    const [token] = await listPersonalAccessTokens(user.id);
    const intruder = await seedUser();
    await signInAs(intruder);
    expect(await revokeTokenAction(null, form({ tokenId: token!.id }))).toMatchObject({ ok: false, message: '未找到该内容，或你没有访问权限。' });
    await signInAs(user);
    expect(await revokeTokenAction(null, form({ tokenId: token!.id }))).toMatchObject({ ok: true });
    expect((await listPersonalAccessTokens(user.id))[0]!.revokedAt).toBeInstanceOf(Date);
  });

  it('never sends a token or password back in a rejected form', async () => {
    const user = await seedUser();
    await signInAs(user);
    const state = await createTokenAction(null, form({ name: '', password: 'hunter22', token: 'xz_pat_secret' }));
    expect(state).toMatchObject({ ok: false, fieldErrors: { name: ['此项为必填项'] } });
    expect(JSON.stringify(state)).not.toMatch(/hunter22|xz_pat_secret/);
  });
});
