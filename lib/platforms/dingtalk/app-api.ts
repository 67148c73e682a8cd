import { z } from 'zod';
import { apiUrl, checkErrcode, requestJson } from '../http';
import { type AppToken, appTokenKey, callWithAppToken } from '../token-cache';
import type { DingtalkConfig } from './config';

const tokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().default(7200) });
/** errcodes for an access token that is invalid or expired: fetch a new one and try once more. */
const STALE_TOKEN_CODES = new Set(['40014', '42001', '88']);

/** The app's (not a person's) access token for the contact API, cached for its two hours. */
function appToken(config: DingtalkConfig): AppToken {
  return {
    key: appTokenKey('dingtalk', config.oapiUrl, config.clientId, config.clientSecret),
    staleCodes: STALE_TOKEN_CODES,
    async fetch() {
      const url = apiUrl(config.oapiUrl, '/gettoken', { appkey: config.clientId, appsecret: config.clientSecret });
      const { json } = await requestJson({ platform: 'dingtalk', url });
      checkErrcode('dingtalk', url.pathname, json);
      const token = tokenSchema.parse(json);
      return { value: token.access_token, expiresInSeconds: token.expires_in };
    },
  };
}

/** POST to an oapi `topapi/...` endpoint with the app token; returns the whole answer after its errcode check. */
export function callDingtalkTopapi(config: DingtalkConfig, path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  return callWithAppToken(appToken(config), async (accessToken) => {
    const url = apiUrl(config.oapiUrl, path, { access_token: accessToken });
    const { json } = await requestJson({ platform: 'dingtalk', url, body });
    checkErrcode('dingtalk', url.pathname, json);
    return json;
  });
}
