import type { ExternalPerson } from '@/lib/auth/sso';
import { apiUrl, PlatformApiError } from '../http';
import { platformProvider } from '../sign-in';
import { getWecomUser, getWecomUserIdentity, WECOM_INVALID_CODE } from './api';
import type { WecomConfig } from './config';
import { wecomAuthorization } from './oauth';

export const WECOM_PROVIDER_ID = 'wecom';

const WECOM_GONE_STATUSES = new Set([2, 5]);

/**
 * The member behind a WeCom userid (their identity) from the address book. Only the company
 * mailbox (biz_mail) counts as verified. WeCom is not a directory source, so there is no link.
 */
export async function wecomSignInPerson(config: WecomConfig, identity: { userid: string | null; openid: string | null }): Promise<ExternalPerson> {
  if (!identity.userid) {
    return { provider: WECOM_PROVIDER_ID, subject: `openid:${identity.openid}`, email: null, emailVerified: false, name: null, member: false };
  }
  const user = await getWecomUser(config, identity.userid);
  return {
    provider: WECOM_PROVIDER_ID,
    subject: user.userid,
    email: user.biz_mail ?? user.email,
    emailVerified: Boolean(user.biz_mail),
    name: user.name,
    // 2: disabled, 5: left the company (1 active, 4 not yet activated).
    member: !WECOM_GONE_STATUSES.has(user.status ?? 1),
  };
}

export function wecomProvider(config: WecomConfig) {
  return platformProvider({
    id: WECOM_PROVIDER_ID,
    name: 'WeCom',
    clientId: config.corpId,
    clientSecret: config.secret,
    authorization: wecomAuthorization(),
    tokenUrl: apiUrl(config.apiUrl, '/cgi-bin/auth/getuserinfo').toString(),
    userinfoUrl: apiUrl(config.apiUrl, '/cgi-bin/user/get').toString(),
    // WeCom has no user token: the app token and the code name the member directly.
    async exchange(params) {
      const identity = await getWecomUserIdentity(config, params.code ?? '');
      return { token_type: 'wecom', wecom_userid: identity.userid, wecom_openid: identity.openid };
    },
    isCodeRejection: (error) => error instanceof PlatformApiError && error.code === WECOM_INVALID_CODE,
    person: (tokens) => wecomSignInPerson(config, {
      userid: (tokens.wecom_userid as string | null) ?? null, openid: (tokens.wecom_openid as string | null) ?? null,
    }),
  });
}
