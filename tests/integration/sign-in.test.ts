import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signInAttempts } from '@/db/schema';
import { systemActor } from '@/lib/auth/actor';
import { verifyCredentials } from '@/lib/auth/sign-in';
import { setUserActive } from '@/lib/org/user-admin-service';
import { setupTestDatabase } from './support/database';
import { seedUser, TEST_PASSWORD, uniqueEmail } from './support/factories';

const database = setupTestDatabase();
const IP = '203.0.113.7';

describe('local sign-in', () => {
  it('accepts the right password, whatever the email’s case', async () => {
    const user = await seedUser();
    const result = await verifyCredentials({ email: user.email.toUpperCase(), password: TEST_PASSWORD }, IP);
    expect(result).toMatchObject({ ok: true, user: { id: user.id } });
  });

  it('gives the same answer for a wrong password, an unknown email and a deactivated user', async () => {
    const user = await seedUser();
    const inactive = await seedUser();
    await setUserActive(systemActor, inactive.organizationId, inactive.id, false);
    const answers = await Promise.all([
      verifyCredentials({ email: user.email, password: 'wrong-password' }, IP),
      verifyCredentials({ email: uniqueEmail('nobody'), password: TEST_PASSWORD }, IP),
      verifyCredentials({ email: inactive.email, password: TEST_PASSWORD }, IP),
    ]);
    expect(answers).toEqual([
      { ok: false, reason: 'invalid' }, { ok: false, reason: 'invalid' }, { ok: false, reason: 'invalid' },
    ]);
  });

  it('treats malformed input as a failed sign-in, not an error', async () => {
    expect(await verifyCredentials({ email: 42 }, null)).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifyCredentials(undefined, null)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('locks an address after five failures, even for the right password, and records attempts', async () => {
    const user = await seedUser();
    for (let i = 0; i < 5; i++) {
      expect(await verifyCredentials({ email: user.email, password: `guess-${i}` }, `198.51.100.${i}`)).toMatchObject({ reason: 'invalid' });
    }
    expect(await verifyCredentials({ email: user.email, password: TEST_PASSWORD }, IP)).toEqual({ ok: false, reason: 'rate_limited' });
    const failures = await database.handle.db
      .select()
      .from(signInAttempts)
      .where(and(eq(signInAttempts.email, user.email), eq(signInAttempts.succeeded, false)));
    expect(failures).toHaveLength(5);
  });

  it('does not lock other addresses when one is locked', async () => {
    const locked = await seedUser();
    const other = await seedUser();
    for (let i = 0; i < 5; i++) await verifyCredentials({ email: locked.email, password: 'nope' }, '192.0.2.99');
    expect(await verifyCredentials({ email: other.email, password: TEST_PASSWORD }, '192.0.2.100')).toMatchObject({ ok: true });
  });

  it('locks an IP address that sprays many accounts', async () => {
    const sprayer = '192.0.2.200';
    for (let i = 0; i < 20; i++) await verifyCredentials({ email: uniqueEmail('spray'), password: 'nope' }, sprayer);
    const user = await seedUser();
    expect(await verifyCredentials({ email: user.email, password: TEST_PASSWORD }, sprayer)).toEqual({ ok: false, reason: 'rate_limited' });
  });
});
