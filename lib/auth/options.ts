import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { Provider } from 'next-auth/providers/index';
import { env } from '@/lib/env';
import { getAuthSecret } from './secret';
import { verifyCredentials } from './sign-in';
import { type PlatformConfigs, isPlatformProvider, platformConfigsFromEnv, platformProviders } from '@/lib/platforms/providers';
import { isPlatformRefusal, type PlatformProfile } from '@/lib/platforms/sign-in';
import { isSsoConfigured, resolveExternalUser, resolveSsoUser, ssoDiscoveryUrl, SSO_PROVIDER_ID, type SsoResult } from './sso';

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

/** Any OpenID Connect identity provider: code flow with PKCE and state, ID token validated. */
function ssoProvider(): Provider {
  return {
    id: SSO_PROVIDER_ID,
    name: env.OIDC_DISPLAY_NAME ?? 'SSO',
    type: 'oauth',
    wellKnown: ssoDiscoveryUrl(),
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: 'openid email profile' } },
    idToken: true,
    checks: ['pkce', 'state'],
    // Many IdPs put email and name only in userinfo; merge it over the validated ID token claims.
    userinfo: {
      async request({ client, tokens }) {
        // At run time `tokens` is openid-client's TokenSet, whose ID token was validated already.
        const tokenSet = tokens as unknown as { claims(): Record<string, unknown> };
        return { ...tokenSet.claims(), ...(await client.userinfo(tokens as never)) };
      },
    },
    profile(claims) {
      return { id: String(claims.sub), claims };
    },
  };
}

/** Maps an external sign-in to our user (OIDC claims, or the platform's person); null for local sign-in. */
async function resolveExternalSignIn(provider: string | undefined, profile: unknown): Promise<SsoResult | null> {
  if (provider === SSO_PROVIDER_ID) return resolveSsoUser((profile ?? {}) as Record<string, unknown>);
  if (!isPlatformProvider(provider)) return null;
  const person = profile as PlatformProfile;
  return isPlatformRefusal(person) ? { ok: false, reason: person.refusal } : resolveExternalUser(person);
}

/** The options next-auth runs with; `platforms` defaults to the apps configured in the environment. */
export function buildAuthOptions(secret: string, platforms: PlatformConfigs = platformConfigsFromEnv()): AuthOptions {
  return {
    secret,
    // Credentials sign-in needs JWT sessions; the cookie holds only the user id and a session
    // version, which getCurrentUser checks against the database on every request.
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      ...(env.AUTH_LOCAL_ENABLED ? [localProvider] : []),
      ...(isSsoConfigured() ? [ssoProvider()] : []),
      ...platformProviders(platforms),
    ],
    callbacks: {
      // SSO and platforms: map their person to ours (just in time); refusals go back to the sign-in page.
      async signIn({ user, account, profile }) {
        const result = await resolveExternalSignIn(account?.provider, profile);
        if (!result) return true;
        if (!result.ok) return `/sign-in?error=${result.reason}`;
        // next-auth hands this same object to the jwt callback: it now names our user.
        Object.assign(user, { id: result.user.id, sessionVersion: result.user.sessionVersion });
        return true;
      },
      jwt({ token, user, account }) {
        if (user) {
          token.sub = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion;
        }
        // Kept to sign out at the identity provider too (its id_token_hint).
        if (account?.provider === SSO_PROVIDER_ID && account.id_token) token.idt = account.id_token;
        return token;
      },
    },
  };
}

export async function getAuthOptions(): Promise<AuthOptions> {
  return buildAuthOptions(await getAuthSecret());
}
