import type { ExternalPerson } from '@/lib/auth/sso';
import { apiUrl } from '../http';
import { platformProvider } from '../sign-in';
import type { DingtalkConfig } from './config';
import { DINGTALK_ROOT_DEPARTMENT, dingtalkUserIdByUnionId, getDingtalkUser } from './contacts';
import { dingtalkAuthorization, exchangeDingtalkCode, getDingtalkMe, isDingtalkCodeRejection } from './oauth';

export const DINGTALK_PROVIDER_ID = 'dingtalk';

/**
 * The person behind a DingTalk user access token: their account (unionId), then their record in
 * the organisation's contacts (userid, name, organisation mailbox, department). Only the
 * organisation mailbox counts as verified: the personal address is the person's own say-so.
 */
export async function dingtalkSignInPerson(config: DingtalkConfig, accessToken: string): Promise<ExternalPerson> {
  const me = await getDingtalkMe(config, accessToken);
  const base = { provider: DINGTALK_PROVIDER_ID, subject: me.unionId };
  const userid = await dingtalkUserIdByUnionId(config, me.unionId);
  if (!userid) return { ...base, email: me.email, emailVerified: false, name: me.nick, member: false };
  const user = await getDingtalkUser(config, userid);
  const department = user.dept_id_list.find((id) => id !== DINGTALK_ROOT_DEPARTMENT);
  return {
    ...base,
    email: user.org_email ?? user.email ?? me.email,
    emailVerified: Boolean(user.org_email),
    name: user.name ?? me.nick,
    directory: { source: 'dingtalk', externalIds: [userid], departmentExternalId: department === undefined ? null : String(department) },
  };
}

export function dingtalkProvider(config: DingtalkConfig) {
  return platformProvider({
    id: DINGTALK_PROVIDER_ID,
    name: 'DingTalk',
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: dingtalkAuthorization(config),
    tokenUrl: apiUrl(config.apiUrl, '/v1.0/oauth2/userAccessToken').toString(),
    userinfoUrl: apiUrl(config.apiUrl, '/v1.0/contact/users/me').toString(),
    async exchange(params) {
      // The auth route copied DingTalk's `authCode` into `code` (see ./callback).
      const { accessToken } = await exchangeDingtalkCode(config, params.code ?? '');
      return { access_token: accessToken, token_type: 'bearer' };
    },
    isCodeRejection: isDingtalkCodeRejection,
    person: (tokens) => dingtalkSignInPerson(config, String(tokens.access_token)),
  });
}
