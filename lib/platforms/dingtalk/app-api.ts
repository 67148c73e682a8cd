import { z } from 'zod';
import { apiUrl, checkErrcode, PlatformApiError, requestJson } from '../http';
import { appTokenKey, cachedAppToken, forgetAppToken } from '../token-cache';
import type { DingtalkConfig } from './config';

const tokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().default(7200) });
/** errcodes for an access token that is invalid or expired: fetch a new one and try once more. */
const STALE_TOKEN_CODES = new Set(['40014', '42001', '88']);

function tokenKey(config: DingtalkConfig) {
  return appTokenKey('dingtalk', config.oapiUrl, config.clientId, config.clientSecret);
}

/** The app's (not a person's) access token for the contact API, cached for its two hours. */
export function dingtalkAppToken(config: DingtalkConfig): Promise<string> {
  return cachedAppToken(tokenKey(config), async () => {
    const url = apiUrl(config.oapiUrl, '/gettoken', { appkey: config.clientId, appsecret: config.clientSecret });
    const { json } = await requestJson({ platform: 'dingtalk', url });
    checkErrcode('dingtalk', url.pathname, json);
    const token = tokenSchema.parse(json);
    return { value: token.access_token, expiresInSeconds: token.expires_in };
  });
}

/** POST to an oapi `topapi/...` endpoint with the app token; returns the whole answer after its errcode check. */
export async function callDingtalkTopapi(config: DingtalkConfig, path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  for (let attempt = 0; ; attempt++) {
    const url = apiUrl(config.oapiUrl, path, { access_token: await dingtalkAppToken(config) });
    const { json } = await requestJson({ platform: 'dingtalk', url, body });
    try {
      checkErrcode('dingtalk', url.pathname, json);
      return json;
    } catch (error) {
      if (attempt === 0 && error instanceof PlatformApiError && STALE_TOKEN_CODES.has(error.code)) {
        forgetAppToken(tokenKey(config));
        continue;
      }
      throw error;
    }
  }
}
