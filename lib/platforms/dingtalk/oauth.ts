import { z } from 'zod';
import { optionalText } from '../fields';
import { apiUrl, PlatformApiError, requestJson } from '../http';
import type { DingtalkConfig } from './config';

/** The authorisation page (scan the QR code, or approve silently inside the DingTalk client). */
export function dingtalkAuthorization(config: DingtalkConfig) {
  return {
    url: apiUrl(config.loginUrl, '/oauth2/auth').toString(),
    params: {
      response_type: 'code',
      prompt: 'consent',
      // `corpid` in the scope with corpId pins the organisation; plain `openid` lets the person pick.
      scope: config.corpId ? 'openid corpid' : 'openid',
      ...(config.corpId ? { corpId: config.corpId } : {}),
    },
  };
}

const userTokenSchema = z.object({ accessToken: z.string().min(1), expireIn: z.coerce.number().default(7200) });

/** The v1.0 API answers errors with an HTTP 4xx/5xx and `{ code, message }`. */
function checkV1(endpoint: string, status: number, json: Record<string, unknown>): void {
  if (status < 400) return;
  throw new PlatformApiError('dingtalk', endpoint, String(json.code ?? `http_${status}`), String(json.message ?? ''), status);
}

/**
 * Trades the one-time `authCode` for the person's user access token. DingTalk answers HTTP 400
 * for a code that is unknown, expired (5 min) or used already.
 */
export async function exchangeDingtalkCode(config: DingtalkConfig, code: string): Promise<{ accessToken: string; expiresIn: number }> {
  const url = apiUrl(config.apiUrl, '/v1.0/oauth2/userAccessToken');
  const { status, json } = await requestJson({
    platform: 'dingtalk',
    url,
    body: { clientId: config.clientId, clientSecret: config.clientSecret, code, grantType: 'authorization_code' },
  });
  checkV1(url.pathname, status, json);
  const parsed = userTokenSchema.safeParse(json);
  if (!parsed.success) throw new PlatformApiError('dingtalk', url.pathname, 'bad_response', 'no accessToken');
  return { accessToken: parsed.data.accessToken, expiresIn: parsed.data.expireIn };
}

/** A 400 from the token endpoint: the code is wrong, expired or replayed (a bad secret is a 401/403). */
export function isDingtalkCodeRejection(error: unknown): boolean {
  return error instanceof PlatformApiError && error.endpoint.endsWith('/oauth2/userAccessToken') && error.status === 400;
}

const meSchema = z.object({
  unionId: z.string().min(1),
  openId: optionalText,
  nick: optionalText,
  email: optionalText,
  mobile: optionalText,
});
export type DingtalkMe = z.infer<typeof meSchema>;

/** The signed-in person as their DingTalk account knows them (`unionId` is stable across apps). */
export async function getDingtalkMe(config: DingtalkConfig, accessToken: string): Promise<DingtalkMe> {
  const url = apiUrl(config.apiUrl, '/v1.0/contact/users/me');
  const { status, json } = await requestJson({ platform: 'dingtalk', url, headers: { 'x-acs-dingtalk-access-token': accessToken } });
  checkV1(url.pathname, status, json);
  const parsed = meSchema.safeParse(json);
  if (!parsed.success) throw new PlatformApiError('dingtalk', url.pathname, 'bad_response', 'no unionId');
  return parsed.data;
}
