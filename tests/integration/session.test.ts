import { beforeEach, describe, expect, it, vi } from 'vitest';
import { systemActor } from '@/lib/auth/actor';
import { getAuthSecret } from '@/lib/auth/secret';
import { getCurrentUser } from '@/lib/auth/session';
import { setUserActive } from '@/lib/org/user-admin-service';
import { setupTestDatabase } from './support/database';
import { seedUser } from './support/factories';
import { cookieJar, signInAs } from './support/session';

vi.mock('next/headers', async () => (await import('./support/session')).cookieJarModule());

setupTestDatabase();
beforeEach(() => cookieJar.clear());

describe('sessions', () => {
  it('keeps one generated signing secret in the database, so sessions survive a restart', async () => {
    const first = await getAuthSecret();
    expect(first.length).toBeGreaterThanOrEqual(32);
    vi.resetModules(); // a restarted server loads the module afresh
    const { getAuthSecret: afterRestart } = await import('@/lib/auth/secret');
    expect(await afterRestart()).toBe(first);
  });

  it('recognises the user of a valid session cookie', async () => {
    const user = await seedUser({ name: '会话用户' });
    await signInAs(user);
    expect(await getCurrentUser()).toMatchObject({ id: user.id, name: '会话用户' });
  });

  it('treats no cookie, a forged cookie and garbage as signed out', async () => {
    expect(await getCurrentUser()).toBeNull();
    const user = await seedUser();
    await signInAs(user, 'a-different-secret-that-is-long-enough-123');
    expect(await getCurrentUser()).toBeNull();
    cookieJar.set('next-auth.session-token', 'garbage');
    expect(await getCurrentUser()).toBeNull();
  });

  it('ends every session of a user the moment they are deactivated', async () => {
    const user = await seedUser();
    await signInAs(user);
    await setUserActive(systemActor, user.organizationId, user.id, false);
    expect(await getCurrentUser()).toBeNull();
    // Reactivating does not revive the old session: its version is stale.
    await setUserActive(systemActor, user.organizationId, user.id, true);
    expect(await getCurrentUser()).toBeNull();
  });
});
