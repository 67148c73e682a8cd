import { env } from '@/lib/env';

/** One WeCom self-built app (自建应用). */
export interface WecomConfig {
  corpId: string;
  agentId: string;
  secret: string;
  /** qyapi.weixin.qq.com (API), open.weixin.qq.com (in-client OAuth), login.work.weixin.qq.com (QR). */
  apiUrl: string;
  oauthUrl: string;
  loginUrl: string;
}

export function wecomConfigFromEnv(): WecomConfig | null {
  if (!env.WECOM_CORP_ID || !env.WECOM_AGENT_ID || !env.WECOM_SECRET) return null;
  return {
    corpId: env.WECOM_CORP_ID,
    agentId: env.WECOM_AGENT_ID,
    secret: env.WECOM_SECRET,
    apiUrl: env.WECOM_API_URL,
    oauthUrl: env.WECOM_OAUTH_URL,
    loginUrl: env.WECOM_LOGIN_URL,
  };
}
