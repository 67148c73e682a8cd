import { encode } from 'next-auth/jwt';
import { getAuthSecret } from '@/lib/auth/secret';

/**
 * The cookies of the request under test. Test files mock next/headers with `cookieJarModule()`,
 * and sign a user in by putting a real next-auth session token in the jar.
 */
export const cookieJar = new Map<string, string>();

export function cookieJarModule() {
  return {
    cookies: async () => ({
      get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name) } : undefined),
      has: (name: string) => cookieJar.has(name),
      set: (name: string, value: string) => cookieJar.set(name, value),
    }),
    headers: async () => new Headers(),
  };
}

export async function signInAs(user: { id: string; sessionVersion: number }, secret?: string) {
  const token = await encode({ token: { sub: user.id, sv: user.sessionVersion }, secret: secret ?? (await getAuthSecret()) });
  cookieJar.set('next-auth.session-token', token);
}
