/**
 * DingTalk sends the browser back with `?authCode=…&state=…`, but next-auth (through
 * openid-client) keeps only the standard OAuth callback parameters. Our auth route copies
 * `authCode` into `code` for DingTalk's callback before next-auth reads it.
 */
export function withDingtalkCode(url: URL): URL {
  if (!url.pathname.endsWith('/callback/dingtalk')) return url;
  const authCode = url.searchParams.get('authCode');
  if (!authCode || url.searchParams.has('code')) return url;
  const copy = new URL(url);
  copy.searchParams.set('code', authCode);
  return copy;
}
