import type { Platform } from './http';

/**
 * The platform whose mobile or desktop client opened the page, from its user agent: DingTalk
 * ("DingTalk/x"), Feishu/Lark ("Lark/x", "Feishu"), WeCom ("wxwork/x"). Plain WeChat is not WeCom.
 */
export function clientPlatform(userAgent: string | null | undefined): Platform | null {
  if (!userAgent) return null;
  if (/\bwxwork\//i.test(userAgent)) return 'wecom';
  if (/\bDingTalk\b/i.test(userAgent)) return 'dingtalk';
  if (/\b(Lark|Feishu)\b/i.test(userAgent)) return 'feishu';
  return null;
}
