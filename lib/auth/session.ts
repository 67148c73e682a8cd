import { decode, type JWT } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import type { User } from '@/db/schema';
import { getUserById } from '@/lib/org/queries';
import { userActor } from './actor';
import { canInOrg } from './permissions';
import { getAuthSecret } from './secret';
import { findUserByToken } from './tokens';

const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

/** The decoded session cookie of this request (next-auth's JWT), or null. */
export const readSessionClaims = cache(async (): Promise<JWT | null> => {
  // Reading cookies first marks the page dynamic before anything touches the database (build
  // time prerendering stops here), and skips the database for visitors without a session.
  const cookieStore = await cookies();
  const raw = SESSION_COOKIES.map((name) => cookieStore.get(name)?.value).find(Boolean);
  if (!raw) return null;
  return decode({ token: raw, secret: await getAuthSecret() }).catch(() => null);
});

/**
 * The signed-in user of this request, or null. The session cookie is a JWT next-auth signed with
 * our secret; it names the user and their session version, and the user is re-read every time so
 * deactivated users and ended sessions count as signed out at once.
 */
export const getCurrentUser = cache(async (): Promise<User | null> => {
  const claims = await readSessionClaims();
  if (!claims?.sub) return null;
  const user = await getUserById(claims.sub);
  if (!user || !user.isActive || user.sessionVersion !== claims.sv) return null;
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

/** The signed-in organisation admin; anyone else gets the not-found page (the console "does not exist"). */
export async function requireOrgAdmin(returnTo: string): Promise<User> {
  const user = await requireUser(returnTo);
  if (!canInOrg(userActor(user), user.organizationId, 'org.manageUsers')) notFound();
  return user;
}
