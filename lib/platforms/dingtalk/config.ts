import { env } from '@/lib/env';

/** One DingTalk internal app: sign-in (OAuth) and the contact API share its credentials. */
export interface DingtalkConfig {
  clientId: string;
  clientSecret: string;
  /** When set, the authorisation page offers this organisation only. */
  corpId?: string;
  /** login.dingtalk.com (the authorisation page), api.dingtalk.com (v1.0), oapi.dingtalk.com (topapi). */
  loginUrl: string;
  apiUrl: string;
  oapiUrl: string;
}

export function dingtalkConfigFromEnv(): DingtalkConfig | null {
  if (!env.DINGTALK_CLIENT_ID || !env.DINGTALK_CLIENT_SECRET) return null;
  return {
    clientId: env.DINGTALK_CLIENT_ID,
    clientSecret: env.DINGTALK_CLIENT_SECRET,
    corpId: env.DINGTALK_CORP_ID,
    loginUrl: env.DINGTALK_LOGIN_URL,
    apiUrl: env.DINGTALK_API_URL,
    oapiUrl: env.DINGTALK_OAPI_URL,
  };
}
