import type { OAuthConfig } from 'next-auth/providers/oauth';
import type { ExternalPerson, SsoFailure } from '@/lib/auth/sso';

/** Why a platform sign-in stopped before we knew the person; the sign-in page explains each. */
export type PlatformRefusal = Extract<SsoFailure, 'sso_code_invalid' | 'sso_state_mismatch'>;

/** What a platform provider hands next-auth as the profile: the person, or the refusal. */
export type PlatformProfile = ExternalPerson | { provider: string; refusal: PlatformRefusal };

export function isPlatformRefusal(profile: PlatformProfile): profile is { provider: string; refusal: PlatformRefusal } {
  return 'refusal' in profile;
}

type CallbackParams = Record<string, string | undefined>;
type Tokens = Record<string, unknown>;

export interface PlatformProviderSpec {
  id: string;
  name: string;
  clientId: string;
  clientSecret: string;
  authorization: { url: string; params?: Record<string, string> };
  /** Documentation only for next-auth: both endpoints are called by `exchange` and `person`. */
  tokenUrl: string;
  userinfoUrl: string;
  /** Trades the callback's one-time code for what `person` needs; `redirectUri` is the callback URL. */
  exchange(params: CallbackParams, redirectUri: string): Promise<Tokens>;
  /** The platform said the code is unknown, expired or already used. */
  isCodeRejection(error: unknown): boolean;
  person(tokens: Tokens): Promise<ExternalPerson>;
}

/**
 * A next-auth OAuth provider for a platform whose token and user-info calls are not plain OAuth
 * (DingTalk, Feishu, WeCom). Our own `token.request` replaces openid-client's callback, so it must
 * compare the state itself; a rejected code or a state mismatch becomes a refusal the sign-in
 * page explains, rather than next-auth's generic callback error.
 */
export function platformProvider(spec: PlatformProviderSpec): OAuthConfig<PlatformProfile> {
  return {
    id: spec.id,
    name: spec.name,
    type: 'oauth',
    clientId: spec.clientId,
    clientSecret: spec.clientSecret,
    checks: ['state'],
    authorization: spec.authorization,
    token: {
      url: spec.tokenUrl,
      async request({ params, checks, provider }) {
        const callback = params as CallbackParams;
        if (!checks.state || callback.state !== checks.state) return { tokens: { refusal: 'sso_state_mismatch' } };
        try {
          return { tokens: await spec.exchange(callback, provider.callbackUrl) };
        } catch (error) {
          if (spec.isCodeRejection(error)) return { tokens: { refusal: 'sso_code_invalid' } };
          throw error;
        }
      },
    },
    userinfo: {
      url: spec.userinfoUrl,
      async request({ tokens }) {
        const refusal = (tokens as Tokens).refusal as PlatformRefusal | undefined;
        const profile: PlatformProfile = refusal ? { provider: spec.id, refusal } : await spec.person(tokens as Tokens);
        // next-auth types the profile as its own `Profile`; profile() and the signIn callback read ours.
        return profile as never;
      },
    },
    profile(profile) {
      // next-auth insists on an id; a refused sign-in is turned away in the signIn callback.
      if (isPlatformRefusal(profile)) return { id: `refused:${profile.refusal}` };
      return { id: profile.subject, name: profile.name, email: profile.email };
    },
  };
}
