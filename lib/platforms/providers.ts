import type { Provider } from 'next-auth/providers/index';
import { type DingtalkConfig, dingtalkConfigFromEnv } from './dingtalk/config';
import { dingtalkProvider } from './dingtalk/provider';
import { type FeishuConfig, feishuConfigFromEnv, isLark } from './feishu/config';
import { feishuProvider } from './feishu/provider';
import type { Platform } from './http';
import { type WecomConfig, wecomConfigFromEnv } from './wecom/config';
import { wecomProvider } from './wecom/provider';

/** The platform apps this installation signs in with; null or absent = not configured. */
export interface PlatformConfigs {
  dingtalk?: DingtalkConfig | null;
  feishu?: FeishuConfig | null;
  wecom?: WecomConfig | null;
}

export function platformConfigsFromEnv(): PlatformConfigs {
  return { dingtalk: dingtalkConfigFromEnv(), feishu: feishuConfigFromEnv(), wecom: wecomConfigFromEnv() };
}

/** The next-auth provider id is the platform's name. */
export const PLATFORM_PROVIDER_IDS: readonly Platform[] = ['dingtalk', 'feishu', 'wecom'];

export function isPlatformProvider(providerId: string | undefined): providerId is Platform {
  return PLATFORM_PROVIDER_IDS.includes(providerId as Platform);
}

export function platformProviders(configs: PlatformConfigs): Provider[] {
  return [
    ...(configs.dingtalk ? [dingtalkProvider(configs.dingtalk)] : []),
    ...(configs.feishu ? [feishuProvider(configs.feishu)] : []),
    ...(configs.wecom ? [wecomProvider(configs.wecom)] : []),
  ];
}

/** A sign-in button: the provider and the catalogue key of its label (`auth.platforms.*`). */
export interface PlatformSignIn {
  providerId: Platform;
  labelKey: 'dingtalk' | 'feishu' | 'lark' | 'wecom';
}

export function platformSignIns(configs: PlatformConfigs = platformConfigsFromEnv()): PlatformSignIn[] {
  return [
    ...(configs.dingtalk ? [{ providerId: 'dingtalk', labelKey: 'dingtalk' } as const] : []),
    ...(configs.feishu ? [{ providerId: 'feishu', labelKey: isLark(configs.feishu) ? 'lark' : 'feishu' } as const] : []),
    ...(configs.wecom ? [{ providerId: 'wecom', labelKey: 'wecom' } as const] : []),
  ];
}
