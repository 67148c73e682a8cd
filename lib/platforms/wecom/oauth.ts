import { appBaseUrl } from '@/lib/app-url';
import { Invalid } from '@/lib/errors';
import { platformCallbackUrl } from '../callback-url';
import { apiUrl } from '../http';
import { clientPlatform } from '../user-agent';
import type { WecomConfig } from './config';

/**
 * next-auth sends the browser here (our own route) with the redirect URI and state; the route
 * picks WeCom's page by where the person is: the in-client OAuth page (silent approval) inside
 * WeCom, else the QR-code login page. The in-client URL needs a `#wechat_redirect` fragment that
 * openid-client cannot add.
 */
export const WECOM_AUTHORIZE_PATH = '/api/platforms/wecom/authorize';

export function wecomAuthorization() {
  return { url: `${appBaseUrl()}${WECOM_AUTHORIZE_PATH}`, params: { response_type: 'code', scope: 'snsapi_base' } };
}

export function wecomAuthorizeUrl(config: WecomConfig, options: { redirectUri: string; state: string; inClient: boolean }): string {
  if (options.inClient) {
    const url = apiUrl(config.oauthUrl, '/connect/oauth2/authorize', {
      appid: config.corpId, redirect_uri: options.redirectUri, response_type: 'code', scope: 'snsapi_base',
      state: options.state, agentid: config.agentId,
    });
    return `${url.toString()}#wechat_redirect`;
  }
  return apiUrl(config.loginUrl, '/wwlogin/sso/login', {
    login_type: 'CorpApp', appid: config.corpId, agentid: config.agentId, redirect_uri: options.redirectUri, state: options.state,
  }).toString();
}

/**
 * Where the authorize route sends the browser, for next-auth's query (`redirect_uri`, `state`).
 * Only our own callback is accepted, so the route cannot be used to bounce people elsewhere.
 */
export function wecomRedirectFor(config: WecomConfig, query: URLSearchParams, userAgent: string | null): string {
  const redirectUri = query.get('redirect_uri');
  const state = query.get('state');
  const fieldErrors: Record<string, string[]> = {};
  if (redirectUri !== platformCallbackUrl('wecom')) fieldErrors.redirect_uri = ['invalid'];
  if (!state) fieldErrors.state = ['required'];
  if (Object.keys(fieldErrors).length) throw Invalid(fieldErrors);
  return wecomAuthorizeUrl(config, { redirectUri: redirectUri!, state: state!, inClient: clientPlatform(userAgent) === 'wecom' });
}

