import { appBaseUrl } from '@/lib/app-url';
import type { Platform } from './http';

/** next-auth's callback for the platform: the redirect URL to register (WeCom: its host is the trusted domain). */
export function platformCallbackUrl(platform: Platform): string {
  return `${appBaseUrl()}/api/auth/callback/${platform}`;
}
