import { getServerSession } from 'next-auth';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import type { User } from '@/db/schema';
import { getUserById } from '@/lib/org/queries';
import { getAuthOptions } from './options';
import { findUserByToken } from './tokens';

const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];

interface SessionClaims {
  userId?: string;
  sessionVersion?: number;
}

/** The signed-in user of this request, or null. Deactivated users and ended sessions count as none. */
export const getCurrentUser = cache(async (): Promise<User | null> => {
  // Reading cookies first marks the page dynamic before anything touches the database (build
  // time prerendering stops here), and skips the database for visitors without a session.
  const cookieStore = await cookies();
  if (!SESSION_COOKIES.some((name) => cookieStore.has(name))) return null;
  const session = (await getServerSession(await getAuthOptions())) as SessionClaims | null;
  if (!session?.userId) return null;
  const user = await getUserById(session.userId);
  if (!user || !user.isActive || user.sessionVersion !== session.sessionVersion) return null;
  return user;
});

/** The signed-in user, or a redirect to the sign-in page that comes back to `returnTo`. */
export async function requireUser(returnTo = '/'): Promise<User> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** API callers authenticate with `Authorization: Bearer <personal access token>` or the session cookie. */
export async function getRequestUser(request: Request): Promise<User | null> {
  const header = request.headers.get('authorization');
  if (header?.toLowerCase().startsWith('bearer ')) return findUserByToken(header.slice(7).trim());
  return getCurrentUser();
}
