import type { ExternalPerson } from '@/lib/auth/sso';
import { apiUrl } from '../http';
import { platformProvider } from '../sign-in';
import { type FeishuConfig, isLark } from './config';
import { exchangeFeishuCode, feishuAuthorization, getFeishuUserInfo, isFeishuCodeRejection } from './oauth';

export const FEISHU_PROVIDER_ID = 'feishu';

/**
 * The person behind a Feishu user access token. The identity is the union_id (stable across the
 * developer's apps), else the open_id; contact sync knows them by user_id, else open_id. Only the
 * organisation mailbox (enterprise_email) counts as verified.
 */
export async function feishuSignInPerson(config: FeishuConfig, accessToken: string): Promise<ExternalPerson> {
  const info = await getFeishuUserInfo(config, accessToken);
  return {
    provider: FEISHU_PROVIDER_ID,
    subject: info.union_id ?? info.open_id,
    email: info.enterprise_email ?? info.email,
    emailVerified: Boolean(info.enterprise_email),
    name: info.name ?? info.en_name,
    directory: {
      source: 'feishu',
      externalIds: [info.user_id, info.open_id].filter((id): id is string => Boolean(id)),
      departmentExternalId: null,
    },
  };
}

export function feishuProvider(config: FeishuConfig) {
  return platformProvider({
    id: FEISHU_PROVIDER_ID,
    name: isLark(config) ? 'Lark' : 'Feishu',
    clientId: config.appId,
    clientSecret: config.appSecret,
    authorization: feishuAuthorization(config),
    tokenUrl: apiUrl(config.baseUrl, '/open-apis/authen/v2/oauth/token').toString(),
    userinfoUrl: apiUrl(config.baseUrl, '/open-apis/authen/v1/user_info').toString(),
    async exchange(params, redirectUri) {
      const { accessToken } = await exchangeFeishuCode(config, params.code ?? '', redirectUri);
      return { access_token: accessToken, token_type: 'bearer' };
    },
    isCodeRejection: isFeishuCodeRejection,
    person: (tokens) => feishuSignInPerson(config, String(tokens.access_token)),
  });
}
