import { NotFound } from '@/lib/errors';
import { errorResponse, localeFor } from '@/lib/http/api-route';
import { wecomConfigFromEnv } from '@/lib/platforms/wecom/config';
import { wecomRedirectFor } from '@/lib/platforms/wecom/oauth';

/** next-auth's authorization URL for WeCom: on to WeCom's in-client or QR-code page. */
export function GET(request: Request): Response {
  try {
    const config = wecomConfigFromEnv();
    if (!config) throw NotFound();
    const target = wecomRedirectFor(config, new URL(request.url).searchParams, request.headers.get('user-agent'));
    return new Response(null, { status: 302, headers: { location: target, 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error, localeFor(request, null));
  }
}
