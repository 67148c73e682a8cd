import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { env } from '@/lib/env';
import { getAuthSecret } from './secret';
import { verifyCredentials } from './sign-in';

const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** Sign-in error codes the sign-in page translates; next-auth passes them through as `error`. */
export const RATE_LIMITED_ERROR = 'rate_limited';

function clientIp(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.['x-forwarded-for'];
  const first = typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : undefined;
  const real = headers?.['x-real-ip'];
  return first || (typeof real === 'string' ? real : null);
}

const localProvider = CredentialsProvider({
  id: 'credentials',
  name: 'Email',
  credentials: { email: { type: 'email' }, password: { type: 'password' } },
  async authorize(credentials, req) {
    const result = await verifyCredentials(credentials, clientIp(req.headers));
    if (!result.ok) {
      if (result.reason === 'rate_limited') throw new Error(RATE_LIMITED_ERROR);
      return null;
    }
    const { id, name, email, sessionVersion } = result.user;
    return { id, name, email, sessionVersion };
  },
});

function buildAuthOptions(secret: string): AuthOptions {
  return {
    secret,
    // Credentials sign-in needs JWT sessions; the cookie holds only the user id and a session
    // version, which getCurrentUser checks against the database on every request.
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: env.AUTH_LOCAL_ENABLED ? [localProvider] : [],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion;
        }
        return token;
      },
    },
  };
}

export async function getAuthOptions(): Promise<AuthOptions> {
  return buildAuthOptions(await getAuthSecret());
}
