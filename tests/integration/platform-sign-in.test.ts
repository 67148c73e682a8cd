import { and, eq } from 'drizzle-orm';
import { decode } from 'next-auth/jwt';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { directoryDepartmentLinks, directoryUserLinks, userIdentities, users } from '@/db/schema';
import { systemActor } from '@/lib/auth/actor';
import { buildAuthOptions } from '@/lib/auth/options';
import { getAuthSecret } from '@/lib/auth/secret';
import { getCurrentUser } from '@/lib/auth/session';
import { setUserActive } from '@/lib/org/user-admin-service';
import { withDingtalkCode } from '@/lib/platforms/dingtalk/callback';
import type { DingtalkConfig } from '@/lib/platforms/dingtalk/config';
import { feishuAccountsUrl, type FeishuConfig } from '@/lib/platforms/feishu/config';
import { platformSignIns } from '@/lib/platforms/providers';
import type { WecomConfig } from '@/lib/platforms/wecom/config';
import { wecomRedirectFor } from '@/lib/platforms/wecom/oauth';
import { GET as wecomAuthorizeRoute } from '@/app/api/platforms/wecom/authorize/route';
import {
  type DingtalkServer, type FeishuServer, startDingtalkServer, startFeishuServer, startWecomServer, type WecomServer,
} from '../support/platform-servers';
import { APP_URL, browser, finishSignIn, startSignIn, visit } from './support/auth-flow';
import { setupTestDatabase } from './support/database';
import { seedDepartment, seedOrganization, seedUser, uniqueEmail } from './support/factories';

// next-auth reads NEXTAUTH_URL itself; the WeCom authorize route reads its app from the environment.
vi.hoisted(() => {
  process.env.NEXTAUTH_URL = 'http://localhost:3000';
  Object.assign(process.env, { WECOM_CORP_ID: 'ww-corp', WECOM_AGENT_ID: '1000002', WECOM_SECRET: 'wecom-secret-from-env' });
});
vi.mock('next/headers', async () => (await import('./support/auth-flow')).browserHeadersModule());

const database = setupTestDatabase();
const DESKTOP = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36';
const WECOM_CLIENT = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 wxwork/4.1.22 MicroMessenger/7.0.1';

let dingtalk: DingtalkServer;
let feishu: FeishuServer;
let wecom: WecomServer;
let dingtalkConfig: DingtalkConfig;
let feishuConfig: FeishuConfig;
let wecomConfig: WecomConfig;
// The app's own secret, so getCurrentUser reads the session cookies these sign-ins set.
let SECRET: string;
const options = () => buildAuthOptions(SECRET, { dingtalk: dingtalkConfig, feishu: feishuConfig, wecom: wecomConfig });

beforeAll(async () => {
  SECRET = await getAuthSecret();
  dingtalk = await startDingtalkServer({
    clientId: 'ding-app-key', clientSecret: 'ding-app-secret-value',
    departments: [{ dept_id: 10, name: '市场部', parent_id: 1 }], accounts: [], contacts: [],
  });
  feishu = await startFeishuServer({ appId: 'cli_test', appSecret: 'feishu-secret-value', departments: [], users: [] });
  wecom = await startWecomServer({ corpId: 'ww-corp', agentId: '1000002', secret: 'wecom-secret-value', members: [] });
  dingtalkConfig = { clientId: 'ding-app-key', clientSecret: 'ding-app-secret-value', loginUrl: dingtalk.url, apiUrl: dingtalk.url, oapiUrl: dingtalk.url };
  feishuConfig = { appId: 'cli_test', appSecret: 'feishu-secret-value', baseUrl: feishu.url, accountsUrl: feishu.url };
  wecomConfig = { corpId: 'ww-corp', agentId: '1000002', secret: 'wecom-secret-value', apiUrl: wecom.url, oauthUrl: wecom.url, loginUrl: wecom.url };
});
afterAll(async () => {
  await Promise.all([dingtalk?.close(), feishu?.close(), wecom?.close()]);
});
beforeEach(() => browser.reset());
afterEach(() => vi.restoreAllMocks());

const tag = () => crypto.randomUUID().slice(0, 8);

/** The whole browser round trip: button, the platform's page, our callback. */
async function signInWith(providerId: string, userAgent = DESKTOP): Promise<URL> {
  browser.headers = new Headers({ 'user-agent': userAgent });
  let authorize = await startSignIn(options(), providerId);
  // WeCom's authorization URL is our own route, which picks WeCom's in-client or QR page.
  if (providerId === 'wecom') authorize = new URL(wecomRedirectFor(wecomConfig, authorize.searchParams, userAgent));
  const callback = await visit(authorize);
  return finishSignIn(options(), callback);
}

async function sessionUserId(): Promise<string | undefined> {
  const token = browser.cookies.get('next-auth.session-token');
  if (!token) return undefined;
  return (await decode({ token, secret: SECRET }))?.sub;
}

async function identityOf(provider: string, subject: string) {
  const [row] = await database.handle.db.select().from(userIdentities).where(and(eq(userIdentities.provider, provider), eq(userIdentities.subject, subject)));
  return row;
}

async function linkDirectoryUser(source: 'dingtalk' | 'feishu', externalId: string, userId: string) {
  const organization = await seedOrganization();
  await database.handle.db.insert(directoryUserLinks).values({ organizationId: organization.id, source, externalId, userId });
}

function errorOf(destination: URL) {
  return destination.pathname === '/sign-in' ? destination.searchParams.get('error') : null;
}

describe('DingTalk sign-in', () => {
  function addMember(overrides: Partial<DingtalkServer['data']['contacts'][number]> & { nick?: string; personalEmail?: string } = {}) {
    const id = tag();
    const { nick, personalEmail, ...contact } = overrides;
    dingtalk.data.accounts.push({ unionId: `union-${id}`, nick: nick ?? `钉钉${id}`, email: personalEmail });
    dingtalk.data.contacts.push({ userid: `user${id}`, unionid: `union-${id}`, name: `成员${id}`, dept_id_list: [10], ...contact });
    dingtalk.data.signedIn = `union-${id}`;
    return { unionId: `union-${id}`, userid: `user${id}` };
  }

  it('sends the documented requests and creates a member just in time in the synced department', async () => {
    const organization = await seedOrganization();
    const department = await seedDepartment(organization.id, `市场部-${tag()}`);
    await database.handle.db.insert(directoryDepartmentLinks).values({ organizationId: organization.id, source: 'dingtalk', externalId: '10', departmentId: department.id })
      .onConflictDoUpdate({ target: [directoryDepartmentLinks.organizationId, directoryDepartmentLinks.source, directoryDepartmentLinks.externalId], set: { departmentId: department.id } });
    const email = uniqueEmail('dt');
    const member = addMember({ name: '张三', org_email: email, email: 'zhang.personal@example.com', job_number: 'A001' });
    dingtalk.requests.length = 0;

    browser.headers = new Headers({ 'user-agent': DESKTOP });
    const authorize = await startSignIn(options(), 'dingtalk');
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${dingtalk.url}/oauth2/auth`);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: 'ding-app-key', response_type: 'code', scope: 'openid', prompt: 'consent',
      redirect_uri: `${APP_URL}/api/auth/callback/dingtalk`, state: expect.stringMatching(/.{20,}/),
    });
    const callback = await visit(authorize);
    expect(callback.searchParams.get('authCode')).toBeTruthy();
    expect(callback.searchParams.get('state')).toBe(authorize.searchParams.get('state'));
    const destination = await finishSignIn(options(), callback);
    expect(destination.toString()).toBe(`${APP_URL}/`);

    const [token] = dingtalk.requestsTo('/v1.0/oauth2/userAccessToken');
    expect(token).toMatchObject({ method: 'POST', headers: { 'content-type': expect.stringContaining('application/json') } });
    expect(token!.body).toEqual({ clientId: 'ding-app-key', clientSecret: 'ding-app-secret-value', code: callback.searchParams.get('authCode'), grantType: 'authorization_code' });
    const [me] = dingtalk.requestsTo('/v1.0/contact/users/me');
    expect(me!.headers['x-acs-dingtalk-access-token']).toMatch(/^dt-user-/);
    expect(dingtalk.requestsTo('/gettoken')[0]!.query).toEqual({ appkey: 'ding-app-key', appsecret: 'ding-app-secret-value' });
    const [byUnion] = dingtalk.requestsTo('/topapi/user/getbyunionid');
    expect(byUnion).toMatchObject({ method: 'POST', query: { access_token: expect.stringMatching(/^dt-app-/) }, body: { unionid: member.unionId } });
    expect(dingtalk.requestsTo('/topapi/v2/user/get')[0]!.body).toMatchObject({ userid: member.userid });

    const userId = await sessionUserId();
    const [user] = await database.handle.db.select().from(users).where(eq(users.id, userId!));
    expect(user).toMatchObject({ email, name: '张三', departmentId: department.id, isActive: true });
    expect((await identityOf('dingtalk', member.unionId))?.userId).toBe(userId);
  });

  it('asks for the configured organisation only when a corpId is set', async () => {
    browser.headers = new Headers({ 'user-agent': DESKTOP });
    const authorize = await startSignIn(buildAuthOptions(SECRET, { dingtalk: { ...dingtalkConfig, corpId: 'ding-corp' } }), 'dingtalk');
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({ scope: 'openid corpid', corpId: 'ding-corp' });
  });

  it('finds the next sign-in by the identity, even after the contact changed its email', async () => {
    const member = addMember({ org_email: uniqueEmail('first') });
    await signInWith('dingtalk');
    const first = await sessionUserId();
    dingtalk.data.contacts.find((c) => c.userid === member.userid)!.org_email = uniqueEmail('second');
    browser.reset();
    expect(errorOf(await signInWith('dingtalk'))).toBeNull();
    expect(await sessionUserId()).toBe(first);
  });

  it('signs in a user imported by contact sync through the directory link, without any email', async () => {
    const imported = await seedUser({ name: '同步导入' });
    const member = addMember();
    await linkDirectoryUser('dingtalk', member.userid, imported.id);
    const destination = await signInWith('dingtalk');
    expect(errorOf(destination)).toBeNull();
    expect(await sessionUserId()).toBe(imported.id);
    expect((await identityOf('dingtalk', member.unionId))?.userId).toBe(imported.id);
  });

  it('links an existing account by the organisation mailbox, but not by a personal address', async () => {
    const local = await seedUser();
    addMember({ org_email: local.email.toUpperCase() });
    expect(errorOf(await signInWith('dingtalk'))).toBeNull();
    expect(await sessionUserId()).toBe(local.id);

    const other = await seedUser();
    addMember({ email: other.email });
    browser.reset();
    expect(errorOf(await signInWith('dingtalk'))).toBe('sso_email_unverified');
    expect(browser.cookies.has('next-auth.session-token')).toBe(false);
  });

  it('refuses a member without any email and no directory link', async () => {
    addMember();
    expect(errorOf(await signInWith('dingtalk'))).toBe('sso_no_email');
  });

  it('refuses a DingTalk account outside the organisation', async () => {
    const id = tag();
    dingtalk.data.accounts.push({ unionId: `outsider-${id}`, nick: '外部人员', email: uniqueEmail('outsider') });
    dingtalk.data.signedIn = `outsider-${id}`;
    expect(errorOf(await signInWith('dingtalk'))).toBe('sso_not_member');
    expect(await identityOf('dingtalk', `outsider-${id}`)).toBeUndefined();
  });

  it('refuses someone who has left the organisation\'s contacts since their last sign-in', async () => {
    const member = addMember({ org_email: uniqueEmail('left') });
    expect(errorOf(await signInWith('dingtalk'))).toBeNull();
    dingtalk.data.contacts = dingtalk.data.contacts.filter((c) => c.userid !== member.userid);
    browser.reset();
    expect(errorOf(await signInWith('dingtalk'))).toBe('sso_not_member');
  });

  it('ends a deactivated user\'s sessions and refuses their next sign-in', async () => {
    addMember({ org_email: uniqueEmail('leaver') });
    await signInWith('dingtalk');
    const userId = (await sessionUserId())!;
    expect((await getCurrentUser())?.id).toBe(userId);
    const [user] = await database.handle.db.select().from(users).where(eq(users.id, userId));
    await setUserActive(systemActor, user!.organizationId, userId, false);
    expect(await getCurrentUser()).toBeNull();
    browser.reset();
    expect(errorOf(await signInWith('dingtalk'))).toBe('sso_deactivated');
  });

  it('refuses a replayed code and an expired code with their own message', async () => {
    const member = addMember({ org_email: uniqueEmail('replay') });
    browser.headers = new Headers({ 'user-agent': DESKTOP });
    const firstCallback = await visit(await startSignIn(options(), 'dingtalk'));
    await finishSignIn(options(), firstCallback);
    browser.reset();

    // A new sign-in whose callback carries the spent code: the state is right, the code is not.
    const state = (await startSignIn(options(), 'dingtalk')).searchParams.get('state')!;
    const replay = new URL(firstCallback);
    replay.searchParams.set('state', state);
    expect(errorOf(await finishSignIn(options(), replay))).toBe('sso_code_invalid');

    const fresh = (await startSignIn(options(), 'dingtalk')).searchParams.get('state')!;
    const expired = new URL(`${APP_URL}/api/auth/callback/dingtalk`);
    expired.searchParams.set('authCode', dingtalk.issueCode(member.unionId, -1));
    expired.searchParams.set('state', fresh);
    expect(errorOf(await finishSignIn(options(), expired))).toBe('sso_code_invalid');
    expect(browser.cookies.has('next-auth.session-token')).toBe(false);
  });

  it('refuses a callback whose state is not the one this browser started with, without spending the code', async () => {
    addMember({ org_email: uniqueEmail('state') });
    browser.headers = new Headers({ 'user-agent': DESKTOP });
    const callback = await visit(await startSignIn(options(), 'dingtalk'));
    const forged = new URL(callback);
    forged.searchParams.set('state', 'forged-state');
    const before = dingtalk.requestsTo('/v1.0/oauth2/userAccessToken').length;
    expect(errorOf(await finishSignIn(options(), forged))).toBe('sso_state_mismatch');
    expect(dingtalk.requestsTo('/v1.0/oauth2/userAccessToken')).toHaveLength(before);
  });

  it('copies DingTalk\'s authCode into the code next-auth reads, on its callback only', () => {
    const callback = withDingtalkCode(new URL(`${APP_URL}/api/auth/callback/dingtalk?authCode=abc&state=s`));
    expect(Object.fromEntries(callback.searchParams)).toEqual({ authCode: 'abc', code: 'abc', state: 's' });
    const other = new URL(`${APP_URL}/api/auth/callback/feishu?authCode=abc`);
    expect(withDingtalkCode(other)).toBe(other);
  });

  it('turns a platform failure into the generic message and never logs the app secret', async () => {
    addMember({ org_email: uniqueEmail('secret') });
    const logged: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : JSON.stringify(a) ?? String(a))).join(' ')));
    const wrong = buildAuthOptions(SECRET, { dingtalk: { ...dingtalkConfig, clientSecret: 'wrong-secret-value' } });
    browser.headers = new Headers({ 'user-agent': DESKTOP });
    const callback = await visit(await startSignIn(wrong, 'dingtalk'));
    expect(errorOf(await finishSignIn(wrong, callback))).toBe('OAuthCallback');
    // next-auth logs the failure (naming the endpoint and DingTalk's code), never the secret.
    expect(logged.join('\n')).toContain('/v1.0/oauth2/userAccessToken');
    expect(logged.join('\n')).not.toContain('wrong-secret-value');
  });
});

describe('Feishu/Lark sign-in', () => {
  function addUser(overrides: Partial<FeishuServer['data']['users'][number]> = {}) {
    const id = tag();
    const user = { open_id: `ou_${id}`, union_id: `on_${id}`, user_id: `u${id}`, name: `飞书${id}`, department_ids: [], ...overrides };
    feishu.data.users.push(user);
    feishu.data.signedIn = user.open_id;
    return user;
  }

  it('sends the documented requests and creates the person just in time', async () => {
    const email = uniqueEmail('fs');
    const person = addUser({ name: '李四', enterprise_email: email, email: 'li.personal@example.com' });
    feishu.requests.length = 0;
    browser.headers = new Headers({ 'user-agent': DESKTOP });
    const authorize = await startSignIn(options(), 'feishu');
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${feishu.url}/open-apis/authen/v1/authorize`);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: 'cli_test', response_type: 'code', redirect_uri: `${APP_URL}/api/auth/callback/feishu`, state: expect.any(String),
    });
    const callback = await visit(authorize);
    expect((await finishSignIn(options(), callback)).toString()).toBe(`${APP_URL}/`);

    const [token] = feishu.requestsTo('/open-apis/authen/v2/oauth/token');
    expect(token!.body).toEqual({
      grant_type: 'authorization_code', client_id: 'cli_test', client_secret: 'feishu-secret-value',
      code: callback.searchParams.get('code'), redirect_uri: `${APP_URL}/api/auth/callback/feishu`,
    });
    expect(feishu.requestsTo('/open-apis/authen/v1/user_info')[0]!.headers.authorization).toMatch(/^Bearer fs-user-/);
    const userId = await sessionUserId();
    const [user] = await database.handle.db.select().from(users).where(eq(users.id, userId!));
    expect(user).toMatchObject({ email, name: '李四' });
    expect((await identityOf('feishu', person.union_id))?.userId).toBe(userId);
  });

  it('signs in a synced user through the user_id link, or the open_id link when user ids are not readable', async () => {
    const byUserId = await seedUser();
    const person = addUser();
    await linkDirectoryUser('feishu', person.user_id, byUserId.id);
    await signInWith('feishu');
    expect(await sessionUserId()).toBe(byUserId.id);

    const byOpenId = await seedUser();
    const noUserId = addUser({ user_id: undefined });
    await linkDirectoryUser('feishu', noUserId.open_id, byOpenId.id);
    browser.reset();
    await signInWith('feishu');
    expect(await sessionUserId()).toBe(byOpenId.id);
  });

  it('refuses to link an existing account by a personal address, and a person without any email', async () => {
    const local = await seedUser();
    addUser({ email: local.email });
    expect(errorOf(await signInWith('feishu'))).toBe('sso_email_unverified');
    addUser();
    browser.reset();
    expect(errorOf(await signInWith('feishu'))).toBe('sso_no_email');
  });

  it('refuses a replayed code', async () => {
    addUser({ enterprise_email: uniqueEmail('fs-replay') });
    browser.headers = new Headers({ 'user-agent': DESKTOP });
    const callback = await visit(await startSignIn(options(), 'feishu'));
    await finishSignIn(options(), callback);
    browser.reset();
    const replay = new URL(callback);
    replay.searchParams.set('state', (await startSignIn(options(), 'feishu')).searchParams.get('state')!);
    expect(errorOf(await finishSignIn(options(), replay))).toBe('sso_code_invalid');
  });

  it('knows Lark by its hosts', () => {
    expect(feishuAccountsUrl('https://open.larksuite.com')).toBe('https://accounts.larksuite.com');
    expect(feishuAccountsUrl('https://open.feishu.cn/')).toBe('https://accounts.feishu.cn');
    expect(platformSignIns({ feishu: { ...feishuConfig, baseUrl: 'https://open.larksuite.com' } })).toEqual([{ providerId: 'feishu', labelKey: 'lark' }]);
    expect(platformSignIns({ dingtalk: dingtalkConfig, feishu: feishuConfig, wecom: wecomConfig }).map((p) => p.labelKey)).toEqual(['dingtalk', 'feishu', 'wecom']);
  });
});

describe('WeCom sign-in', () => {
  function addMember(overrides: Partial<WecomServer['data']['members'][number]> = {}) {
    const member = { userid: `wc${tag()}`, name: '王五', department: [2], main_department: 2, ...overrides };
    wecom.data.members.push(member);
    wecom.data.signedIn = member.userid;
    return member;
  }

  it('uses the QR-code page on a desktop browser and the in-client page inside WeCom', async () => {
    browser.headers = new Headers({ 'user-agent': DESKTOP });
    const authorize = await startSignIn(options(), 'wecom');
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${APP_URL}/api/platforms/wecom/authorize`);
    const state = authorize.searchParams.get('state')!;
    const redirectUri = `${APP_URL}/api/auth/callback/wecom`;

    const qr = new URL(wecomRedirectFor(wecomConfig, authorize.searchParams, DESKTOP));
    expect(`${qr.origin}${qr.pathname}`).toBe(`${wecom.url}/wwlogin/sso/login`);
    expect(Object.fromEntries(qr.searchParams)).toEqual({ login_type: 'CorpApp', appid: 'ww-corp', agentid: '1000002', redirect_uri: redirectUri, state });

    const inClient = new URL(wecomRedirectFor(wecomConfig, authorize.searchParams, WECOM_CLIENT));
    expect(`${inClient.origin}${inClient.pathname}`).toBe(`${wecom.url}/connect/oauth2/authorize`);
    expect(inClient.hash).toBe('#wechat_redirect');
    expect(Object.fromEntries(inClient.searchParams)).toEqual({
      appid: 'ww-corp', redirect_uri: redirectUri, response_type: 'code', scope: 'snsapi_base', state, agentid: '1000002',
    });
  });

  it('serves the choice from its route, and refuses to send anyone to a foreign redirect URI', async () => {
    const query = new URLSearchParams({ redirect_uri: `${APP_URL}/api/auth/callback/wecom`, state: 'abc', client_id: 'ww-corp' });
    const inClient = await wecomAuthorizeRoute(new Request(`${APP_URL}/api/platforms/wecom/authorize?${query}`, { headers: { 'user-agent': WECOM_CLIENT } }));
    expect(inClient.status).toBe(302);
    expect(inClient.headers.get('location')).toMatch(/^https:\/\/open\.weixin\.qq\.com\/connect\/oauth2\/authorize\?appid=ww-corp&.*#wechat_redirect$/);
    query.set('redirect_uri', 'https://evil.example.com/steal');
    query.delete('state');
    const refused = await wecomAuthorizeRoute(new Request(`${APP_URL}/api/platforms/wecom/authorize?${query}`));
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toHaveProperty('redirect_uri');
  });

  it('sends the documented requests and signs a member in by the company mailbox', async () => {
    const local = await seedUser();
    const member = addMember({ biz_mail: local.email, email: 'wang.personal@example.com' });
    wecom.requests.length = 0;
    const destination = await signInWith('wecom', WECOM_CLIENT);
    expect(destination.toString()).toBe(`${APP_URL}/`);
    expect(wecom.requestsTo('/connect/oauth2/authorize')).toHaveLength(1);
    expect(wecom.requestsTo('/cgi-bin/gettoken')[0]!.query).toEqual({ corpid: 'ww-corp', corpsecret: 'wecom-secret-value' });
    const [info] = wecom.requestsTo('/cgi-bin/auth/getuserinfo');
    expect(info!.query).toEqual({ access_token: expect.stringMatching(/^wc-app-/), code: expect.any(String) });
    expect(wecom.requestsTo('/cgi-bin/user/get')[0]!.query).toMatchObject({ userid: member.userid });
    expect(await sessionUserId()).toBe(local.id);
    expect((await identityOf('wecom', member.userid))?.userId).toBe(local.id);
  });

  it('refuses someone outside the company, and a code WeCom no longer accepts', async () => {
    wecom.data.signedIn = `openid:${tag()}`;
    expect(errorOf(await signInWith('wecom'))).toBe('sso_not_member');
    // A disabled member (status 2) and one who left (5) are in the address book but no longer let in.
    for (const status of [2, 5]) {
      addMember({ biz_mail: (await seedUser()).email, status });
      browser.reset();
      expect(errorOf(await signInWith('wecom')), `status ${status}`).toBe('sso_not_member');
    }

    addMember({ email: uniqueEmail('wc') });
    browser.reset();
    browser.headers = new Headers({ 'user-agent': DESKTOP });
    const state = (await startSignIn(options(), 'wecom')).searchParams.get('state')!;
    const stale = new URL(`${APP_URL}/api/auth/callback/wecom`);
    stale.searchParams.set('code', wecom.issueCode(wecom.data.signedIn!, -1));
    stale.searchParams.set('state', state);
    expect(errorOf(await finishSignIn(options(), stale))).toBe('sso_code_invalid');
  });
});
