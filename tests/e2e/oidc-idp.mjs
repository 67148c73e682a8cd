// A real OpenID Connect identity provider for the browser tests (the oidc-provider package), on
// localhost. Its development login page accepts any login name with any password; the login
// name decides the claims:
//   <name>          sub "sub-<name>", email "<name>@sso.example.com" (verified), name from NAMES
//                   or the login, department "市场部"
//   noemail-<name>  no email claim at all
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_IDP_PORT ?? 3190);
// Every app the suite starts (the main one, the one with local sign-in off) is a redirect target.
const appUrls = (process.env.APP_URLS ?? 'http://127.0.0.1:3100').split(',');
const NAMES = { 'sso.zhou': '周思远', 'sso.qian': '钱嘉怡' };

function claimsFor(login) {
  const base = { sub: `sub-${login}`, name: NAMES[login] ?? login, department: '市场部' };
  if (login.startsWith('noemail-')) return base;
  return { ...base, email: `${login}@sso.example.com`, email_verified: true };
}

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: 'xiezuo-e2e',
      client_secret: 'xiezuo-e2e-secret',
      redirect_uris: appUrls.map((url) => `${url}/api/auth/callback/oidc`),
      post_logout_redirect_uris: appUrls.map((url) => `${url}/sign-in?signedOut=1`),
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'department'] },
  findAccount: async (_ctx, id) => ({ accountId: id, claims: async () => claimsFor(id) }),
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  cookies: { keys: ['xiezuo-e2e-idp-cookie-key'] },
});
provider.proxy = true;
provider.listen(port, '127.0.0.1', () => console.log(`test IdP on http://127.0.0.1:${port}`));
