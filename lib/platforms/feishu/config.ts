import { env } from '@/lib/env';

/** One Feishu/Lark custom app: sign-in (OAuth) and the contact API share its credentials. */
export interface FeishuConfig {
  appId: string;
  appSecret: string;
  /** open.feishu.cn, or open.larksuite.com for Lark. */
  baseUrl: string;
  /** accounts.feishu.cn / accounts.larksuite.com: the authorisation page. */
  accountsUrl: string;
}

/** Lark is Feishu under other host names: its accounts host follows from its open-platform host. */
export function feishuAccountsUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (/^open\.(feishu\.cn|larksuite\.com)$/.test(url.hostname)) url.hostname = url.hostname.replace(/^open\./, 'accounts.');
  return url.toString().replace(/\/+$/, '');
}

export function feishuConfigFromEnv(): FeishuConfig | null {
  if (!env.FEISHU_APP_ID || !env.FEISHU_APP_SECRET) return null;
  return {
    appId: env.FEISHU_APP_ID,
    appSecret: env.FEISHU_APP_SECRET,
    baseUrl: env.FEISHU_BASE_URL,
    accountsUrl: env.FEISHU_ACCOUNTS_URL ?? feishuAccountsUrl(env.FEISHU_BASE_URL),
  };
}

/** Lark (international) or Feishu, for the button's name. */
export function isLark(config: Pick<FeishuConfig, 'baseUrl'>): boolean {
  return new URL(config.baseUrl).hostname.endsWith('larksuite.com');
}
