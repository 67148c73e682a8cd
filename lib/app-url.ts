import { env } from '@/lib/env';

/** The app's public address (NEXTAUTH_URL), for links that leave the browser: SSO redirects, emails, robots. */
export function appBaseUrl(): string {
  return (env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
}
