import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { personalAccessTokens } from '@/db/schema';
import { systemActor, userActor } from '@/lib/auth/actor';
import { createPersonalAccessToken, listPersonalAccessTokens, revokePersonalAccessToken } from '@/lib/auth/tokens';
import { setUserActive } from '@/lib/org/user-admin-service';
import { GET as getMe } from '@/app/api/v1/me/route';
import { GET as getUnknown } from '@/app/api/v1/[...path]/route';
import { setupTestDatabase } from './support/database';
import { seedUser } from './support/factories';

// Route handlers read the session cookie through next/headers; these requests carry none.
vi.mock('next/headers', () => ({
  cookies: async () => ({ has: () => false, get: () => undefined }),
  headers: async () => new Headers(),
}));

const database = setupTestDatabase();
const noParams = { params: Promise.resolve({}) };

function apiRequest(path: string, token?: string, language = 'zh-CN') {
  const headers: Record<string, string> = { 'accept-language': language };
  if (token) headers.authorization = `Bearer ${token}`;
  return new Request(`http://localhost${path}`, { headers });
}

describe('REST API authentication', () => {
  it('answers 401 JSON in the caller’s language without credentials', async () => {
    const response = await getMe(apiRequest('/api/v1/me', undefined, 'en-US'), noParams);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: 'unauthenticated', message: 'Please sign in first.' } });
    const chinese = await getMe(apiRequest('/api/v1/me'), noParams);
    expect((await chinese.json()).error.message).toBe('请先登录。');
  });

  it('accepts a personal access token and never exposes the password hash', async () => {
    const user = await seedUser({ name: '接口用户' });
    const { token } = await createPersonalAccessToken(systemActor, user.id, { name: '脚本' });
    const response = await getMe(apiRequest('/api/v1/me', token), noParams);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.user).toMatchObject({ id: user.id, name: '接口用户', email: user.email });
    expect(JSON.stringify(body)).not.toMatch(/passwordHash|sessionVersion/);
  });

  it('stores only a hash of the token and records when it was used', async () => {
    const user = await seedUser();
    const { token, record } = await createPersonalAccessToken(systemActor, user.id, { name: 'CI' });
    const [row] = await database.handle.db.select().from(personalAccessTokens).where(eq(personalAccessTokens.id, record.id));
    expect(row!.tokenHash).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token);
    await getMe(apiRequest('/api/v1/me', token), noParams);
    const [used] = await listPersonalAccessTokens(user.id);
    expect(used!.lastUsedAt).toBeInstanceOf(Date);
  });

  it('refuses a revoked token, a made-up token and a deactivated owner’s token', async () => {
    const user = await seedUser();
    const revoked = await createPersonalAccessToken(userActor(user), user.id, { name: 'old' });
    await revokePersonalAccessToken(userActor(user), revoked.record.id);
    const other = await seedUser();
    const deactivated = await createPersonalAccessToken(systemActor, other.id, { name: 'left' });
    await setUserActive(systemActor, other.organizationId, other.id, false);
    for (const token of [revoked.token, 'xz_pat_made-up', 'not-even-a-token', deactivated.token]) {
      expect((await getMe(apiRequest('/api/v1/me', token), noParams)).status).toBe(401);
    }
  });

  it('does not let one user create or revoke another user’s tokens', async () => {
    const owner = await seedUser();
    const intruder = await seedUser();
    await expect(createPersonalAccessToken(userActor(intruder), owner.id, { name: 'x' })).rejects.toMatchObject({ status: 404 });
    const { record } = await createPersonalAccessToken(userActor(owner), owner.id, { name: 'mine' });
    await expect(revokePersonalAccessToken(userActor(intruder), record.id)).rejects.toMatchObject({ status: 404 });
    await expect(revokePersonalAccessToken(userActor(owner), 'not-a-uuid')).rejects.toMatchObject({ status: 404 });
  });

  it('requires a token name', async () => {
    const user = await seedUser();
    await expect(createPersonalAccessToken(userActor(user), user.id, { name: '  ' })).rejects.toMatchObject({
      status: 422, fieldErrors: { name: ['required'] },
    });
  });

  it('answers unknown API paths with 401 before sign-in and JSON 404 after', async () => {
    const params = { params: Promise.resolve({ path: ['nothing', 'here'] }) };
    expect((await getUnknown(apiRequest('/api/v1/nothing/here'), params)).status).toBe(401);
    const user = await seedUser();
    const { token } = await createPersonalAccessToken(systemActor, user.id, { name: 't' });
    const response = await getUnknown(apiRequest('/api/v1/nothing/here', token), params);
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('not_found');
  });
});
