import { z } from 'zod';
import { apiUrl, requestJson } from '../http';
import { type AppToken, appTokenKey, callWithAppToken } from '../token-cache';
import type { FeishuConfig } from './config';
import { checkFeishuCode } from './envelope';

const tokenSchema = z.object({ tenant_access_token: z.string().min(1), expire: z.coerce.number().default(7200) });
/** Codes for an invalid or expired tenant access token: fetch a new one and try once more. */
const STALE_TOKEN_CODES = new Set(['99991663', '99991661', '99991668']);

/** The app's tenant access token (internal app), cached for its two hours. */
function tenantToken(config: FeishuConfig): AppToken {
  return {
    key: appTokenKey('feishu', config.baseUrl, config.appId, config.appSecret),
    staleCodes: STALE_TOKEN_CODES,
    async fetch() {
      const url = apiUrl(config.baseUrl, '/open-apis/auth/v3/tenant_access_token/internal');
      const { status, json } = await requestJson({ platform: 'feishu', url, body: { app_id: config.appId, app_secret: config.appSecret } });
      checkFeishuCode(url.pathname, status, json);
      const token = tokenSchema.parse(json);
      return { value: token.tenant_access_token, expiresInSeconds: token.expire };
    },
  };
}

/** GET an open API with the tenant token; returns `data` after the envelope check. */
export function getFeishuApi(config: FeishuConfig, path: string, query: Record<string, string | number | undefined>): Promise<unknown> {
  return callWithAppToken(tenantToken(config), async (accessToken) => {
    const url = apiUrl(config.baseUrl, path, query);
    const { status, json } = await requestJson({ platform: 'feishu', url, headers: { authorization: `Bearer ${accessToken}` } });
    checkFeishuCode(url.pathname, status, json);
    return json.data;
  });
}
