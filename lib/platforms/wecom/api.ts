import { z } from 'zod';
import { optionalText } from '../fields';
import { apiUrl, checkErrcode, PlatformApiError, requestJson } from '../http';
import { type AppToken, appTokenKey, callWithAppToken } from '../token-cache';
import type { WecomConfig } from './config';

const tokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().default(7200) });
/** errcodes for an invalid or expired access token: fetch a new one and try once more. */
const STALE_TOKEN_CODES = new Set(['40014', '42001']);
/** errcode of getuserinfo for a code that is unknown, expired (5 min) or used already. */
export const WECOM_INVALID_CODE = '40029';

/** The app's access token, cached for its two hours. */
function appToken(config: WecomConfig): AppToken {
  return {
    key: appTokenKey('wecom', config.apiUrl, config.corpId, config.agentId, config.secret),
    staleCodes: STALE_TOKEN_CODES,
    async fetch() {
      const url = apiUrl(config.apiUrl, '/cgi-bin/gettoken', { corpid: config.corpId, corpsecret: config.secret });
      const { json } = await requestJson({ platform: 'wecom', url });
      checkErrcode('wecom', url.pathname, json);
      const token = tokenSchema.parse(json);
      return { value: token.access_token, expiresInSeconds: token.expires_in };
    },
  };
}

function getWecomApi(config: WecomConfig, path: string, query: Record<string, string>): Promise<Record<string, unknown>> {
  return callWithAppToken(appToken(config), async (accessToken) => {
    const url = apiUrl(config.apiUrl, path, { access_token: accessToken, ...query });
    const { json } = await requestJson({ platform: 'wecom', url });
    checkErrcode('wecom', url.pathname, json);
    return json;
  });
}


/** Who the code belongs to: a member's `userid`, or only an `openid` for someone outside the company. */
export async function getWecomUserIdentity(config: WecomConfig, code: string): Promise<{ userid: string | null; openid: string | null }> {
  const json = await getWecomApi(config, '/cgi-bin/auth/getuserinfo', { code });
  const parsed = z.object({ userid: optionalText, openid: optionalText }).parse(json);
  if (!parsed.userid && !parsed.openid) throw new PlatformApiError('wecom', '/cgi-bin/auth/getuserinfo', 'bad_response', 'no userid');
  return parsed;
}

const userSchema = z.object({
  userid: z.string().min(1),
  name: optionalText,
  email: optionalText,
  /** The company's WeCom mailbox (企业邮箱). */
  biz_mail: optionalText,
  position: optionalText,
  department: z.array(z.coerce.number()).catch([]).default([]),
  main_department: z.coerce.number().optional().catch(undefined),
  /** 1 active, 2 disabled, 4 not activated yet, 5 left. */
  status: z.coerce.number().optional().catch(undefined),
});
export type WecomUser = z.infer<typeof userSchema>;

export async function getWecomUser(config: WecomConfig, userid: string): Promise<WecomUser> {
  const json = await getWecomApi(config, '/cgi-bin/user/get', { userid });
  const parsed = userSchema.safeParse(json);
  if (!parsed.success) throw new PlatformApiError('wecom', '/cgi-bin/user/get', 'bad_response', parsed.error.issues[0]?.message ?? '');
  return parsed.data;
}
