import { z } from 'zod';
import { optionalText } from '../fields';
import { apiUrl, PlatformApiError, requestJson } from '../http';
import type { FeishuConfig } from './config';
import { checkFeishuCode } from './envelope';

/** The authorisation page; inside the Feishu/Lark client it approves without asking again. */
export function feishuAuthorization(config: FeishuConfig) {
  return { url: apiUrl(config.accountsUrl, '/open-apis/authen/v1/authorize').toString(), params: { response_type: 'code' } };
}

const tokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().default(7200) });

/**
 * Trades the one-time code for a user access token (OAuth 2.0 token endpoint, v2). Feishu answers
 * `error: "invalid_grant"` for a code that is unknown, expired (5 min) or used already.
 */
export async function exchangeFeishuCode(config: FeishuConfig, code: string, redirectUri: string) {
  const url = apiUrl(config.baseUrl, '/open-apis/authen/v2/oauth/token');
  const { status, json } = await requestJson({
    platform: 'feishu',
    url,
    body: { grant_type: 'authorization_code', client_id: config.appId, client_secret: config.appSecret, code, redirect_uri: redirectUri },
  });
  if (json.error) {
    throw new PlatformApiError('feishu', url.pathname, String(json.error), String(json.error_description ?? ''), status);
  }
  checkFeishuCode(url.pathname, status, json);
  const parsed = tokenSchema.safeParse(json);
  if (!parsed.success) throw new PlatformApiError('feishu', url.pathname, 'bad_response', 'no access_token');
  return { accessToken: parsed.data.access_token, expiresIn: parsed.data.expires_in };
}

export function isFeishuCodeRejection(error: unknown): boolean {
  return error instanceof PlatformApiError && error.endpoint.endsWith('/authen/v2/oauth/token') && error.code === 'invalid_grant';
}

const userInfoSchema = z.object({
  open_id: z.string().min(1),
  union_id: optionalText,
  /** Only with the "获取用户 user ID" permission. */
  user_id: optionalText,
  name: optionalText,
  en_name: optionalText,
  email: optionalText,
  /** The organisation's mailbox (企业邮箱). */
  enterprise_email: optionalText,
  employee_no: optionalText,
  tenant_key: optionalText,
});
export type FeishuUserInfo = z.infer<typeof userInfoSchema>;

export async function getFeishuUserInfo(config: FeishuConfig, accessToken: string): Promise<FeishuUserInfo> {
  const url = apiUrl(config.baseUrl, '/open-apis/authen/v1/user_info');
  const { status, json } = await requestJson({ platform: 'feishu', url, headers: { authorization: `Bearer ${accessToken}` } });
  checkFeishuCode(url.pathname, status, json);
  const parsed = userInfoSchema.safeParse(json.data);
  if (!parsed.success) throw new PlatformApiError('feishu', url.pathname, 'bad_response', 'no open_id');
  return parsed.data;
}
