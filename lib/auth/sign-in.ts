import { and, count, eq, gte } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { signInAttempts, type User } from '@/db/schema';
import { env } from '@/lib/env';
import { findUserByEmail } from '@/lib/org/queries';
import { signInSchema } from './schema';
import { verifyAgainstNothing, verifyPassword } from './password';

/** Why a sign-in failed. `invalid` deliberately covers unknown, wrong and deactivated alike. */
export type SignInFailure = 'invalid' | 'rate_limited';
export type SignInResult = { ok: true; user: User } | { ok: false; reason: SignInFailure };

// Per address failures catch password guessing; per-IP failures catch spraying many addresses.
const IP_FAILURE_FACTOR = 4;

async function recentFailures(column: typeof signInAttempts.email | typeof signInAttempts.ip, value: string) {
  const db = await getDb();
  const since = new Date(Date.now() - env.SIGNIN_WINDOW_MINUTES * 60_000);
  const [row] = await db
    .select({ n: count() })
    .from(signInAttempts)
    .where(and(eq(column, value), eq(signInAttempts.succeeded, false), gte(signInAttempts.createdAt, since)));
  return row?.n ?? 0;
}

async function isRateLimited(email: string, ip: string | null): Promise<boolean> {
  if ((await recentFailures(signInAttempts.email, email)) >= env.SIGNIN_MAX_FAILURES) return true;
  return ip !== null && (await recentFailures(signInAttempts.ip, ip)) >= env.SIGNIN_MAX_FAILURES * IP_FAILURE_FACTOR;
}

/**
 * Checks an email and password. Failed attempts are recorded in the database so the limit holds
 * across restarts and processes; a locked-out address is refused before its password is checked.
 */
export async function verifyCredentials(input: unknown, ip: string | null): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const { email, password } = parsed.data;
  if (await isRateLimited(email, ip)) return { ok: false, reason: 'rate_limited' };

  const user = await findUserByEmail(email);
  const passwordOk = user?.passwordHash
    ? await verifyPassword(password, user.passwordHash)
    : await verifyAgainstNothing(password);
  const succeeded = Boolean(user && user.isActive && passwordOk);

  const db = await getDb();
  await db.insert(signInAttempts).values({ email, ip, succeeded });
  return succeeded ? { ok: true, user: user! } : { ok: false, reason: 'invalid' };
}
