import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Local stand-ins for the DingTalk, Feishu/Lark and WeCom open platforms, implementing the
 * documented endpoints and payloads the app calls (authorisation page, token, user info,
 * department and contact lists, error envelopes). Codes are single-use and expire like the real
 * ones, so replays and stale codes can be tested. Every request is recorded for assertions.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: Record<string, unknown> | null;
}

interface Reply {
  status?: number;
  json?: unknown;
  redirect?: string;
}

type Handler = (request: RecordedRequest) => Reply | Promise<Reply>;

export interface PlatformServer {
  url: string;
  requests: RecordedRequest[];
  /** Requests to paths that start with `prefix`. */
  requestsTo(prefix: string): RecordedRequest[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (!chunks.length) return null;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
  } catch {
    return { unparsable: Buffer.concat(chunks).toString('utf8') };
  }
}

async function startServer(route: (request: RecordedRequest) => Handler | null, port = 0): Promise<PlatformServer> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const request: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')])),
        body: await readBody(req),
      };
      requests.push(request);
      const handler: Handler | null = request.path === '/health' ? () => ({ json: { ok: true } }) : route(request);
      const reply = handler ? await handler(request) : { status: 404, json: { errcode: 404, errmsg: 'not found', code: 404, msg: 'not found' } };
      if (reply.redirect) {
        res.writeHead(302, { location: reply.redirect });
        res.end();
        return;
      }
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(reply.json ?? {}));
    })().catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    requests,
    requestsTo: (prefix) => requests.filter((r) => r.path.startsWith(prefix)),
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  };
}

/** One-time codes: each names a person, works once, and expires (platforms: 5 minutes). */
class CodeBook<T> {
  private codes = new Map<string, { value: T; expiresAt: number; used: boolean }>();
  issue(value: T, ttlMs = 5 * 60 * 1000): string {
    const code = randomUUID().replaceAll('-', '');
    this.codes.set(code, { value, expiresAt: Date.now() + ttlMs, used: false });
    return code;
  }
  /** 'unknown' | 'expired' | 'used', or the value (and the code is spent). */
  redeem(code: unknown): { value: T } | 'unknown' | 'expired' | 'used' {
    const entry = typeof code === 'string' ? this.codes.get(code) : undefined;
    if (!entry) return 'unknown';
    if (entry.used) return 'used';
    if (entry.expiresAt <= Date.now()) return 'expired';
    entry.used = true;
    return { value: entry.value };
  }
}

function redirectWith(redirectUri: string, params: Record<string, string>): string {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

function page<T>(items: T[], cursor: number, size: number) {
  const slice = items.slice(cursor, cursor + size);
  const next = cursor + slice.length;
  return { slice, hasMore: next < items.length, next };
}

// ---------------------------------------------------------------------------------------------
// DingTalk: login.dingtalk.com, api.dingtalk.com (v1.0) and oapi.dingtalk.com (topapi), one server.

export interface DingtalkAccount {
  unionId: string;
  nick: string;
  /** The personal account's own address. */
  email?: string;
  mobile?: string;
}

export interface DingtalkContact {
  userid: string;
  unionid: string;
  name?: string;
  org_email?: string;
  email?: string;
  mobile?: string;
  job_number?: string;
  title?: string;
  dept_id_list: number[];
  active?: boolean;
  [extra: string]: unknown;
}

export interface DingtalkData {
  clientId: string;
  clientSecret: string;
  accounts: DingtalkAccount[];
  /** The organisation's contacts; an account without one is outside the organisation. */
  contacts: DingtalkContact[];
  /** Root is 1; parent_id of a top-level department is 1. */
  departments: Array<{ dept_id: number; name: string; parent_id: number }>;
  /** The most people one user/list page holds (DingTalk: 100), to exercise paging. */
  maxPageSize?: number;
  /** Who the authorisation page signs in (its "scan"); default: the first account. */
  signedIn?: string;
}

export interface DingtalkServer extends PlatformServer {
  data: DingtalkData;
  issueCode(unionId: string, ttlMs?: number): string;
  /** Makes every app token handed out so far invalid (as a secret rotation or expiry would). */
  revokeAppTokens(): void;
}

export async function startDingtalkServer(data: DingtalkData, port = 0): Promise<DingtalkServer> {
  const codes = new CodeBook<string>();
  const userTokens = new Map<string, string>();
  const appTokens = new Set<string>();
  const topapi = (json: unknown) => ({ json: { errcode: 0, errmsg: 'ok', request_id: randomUUID(), ...(json as object) } });
  const withAppToken = (handler: Handler): Handler => (request) =>
    appTokens.has(request.query.access_token ?? '') ? handler(request) : { json: { errcode: 40014, errmsg: '不合法的access_token' } };

  const routes: Record<string, Handler> = {
    'GET /oauth2/auth': (request) => {
      const { redirect_uri, state, client_id } = request.query;
      if (client_id !== data.clientId || !redirect_uri) return { status: 400, json: { code: 'invalidClient', message: 'client_id 无效' } };
      const account = data.signedIn ?? data.accounts[0]?.unionId ?? '';
      return { redirect: redirectWith(redirect_uri, { authCode: codes.issue(account), state: state ?? '' }) };
    },
    'POST /v1.0/oauth2/userAccessToken': (request) => {
      const body = request.body ?? {};
      if (body.clientId !== data.clientId || body.clientSecret !== data.clientSecret) {
        return { status: 403, json: { code: 'Forbidden.AccessDenied.AccessTokenPermissionDenied', message: '应用凭证无效', requestid: randomUUID() } };
      }
      if (body.grantType !== 'authorization_code') return { status: 400, json: { code: 'invalidParameter', message: 'grantType 无效' } };
      const redeemed = codes.redeem(body.code);
      if (typeof redeemed === 'string') return { status: 400, json: { code: 'InvalidAuthCode', message: `临时授权码无效（${redeemed}）`, requestid: randomUUID() } };
      const token = `dt-user-${randomUUID()}`;
      userTokens.set(token, redeemed.value);
      return { json: { accessToken: token, refreshToken: `dt-refresh-${randomUUID()}`, expireIn: 7200, corpId: 'ding-corp' } };
    },
    'GET /v1.0/contact/users/me': (request) => {
      const unionId = userTokens.get(request.headers['x-acs-dingtalk-access-token'] ?? '');
      const account = data.accounts.find((a) => a.unionId === unionId);
      if (!account) return { status: 401, json: { code: 'InvalidAuthentication', message: '不合法的 access token' } };
      return { json: { nick: account.nick, unionId: account.unionId, openId: `open-${account.unionId}`, email: account.email, mobile: account.mobile, stateCode: '86', avatarUrl: '' } };
    },
    'GET /gettoken': (request) => {
      if (request.query.appkey !== data.clientId || request.query.appsecret !== data.clientSecret) {
        return { json: { errcode: 40089, errmsg: '不合法的corpid或corpsecret' } };
      }
      const token = `dt-app-${randomUUID()}`;
      appTokens.add(token);
      return { json: { errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 } };
    },
    'POST /topapi/user/getbyunionid': withAppToken((request) => {
      const contact = data.contacts.find((c) => c.unionid === request.body?.unionid);
      return contact ? topapi({ result: { contact_type: 0, userid: contact.userid } }) : { json: { errcode: 60121, errmsg: '找不到该用户' } };
    }),
    'POST /topapi/v2/user/get': withAppToken((request) => {
      const contact = data.contacts.find((c) => c.userid === request.body?.userid);
      return contact ? topapi({ result: contact }) : { json: { errcode: 60121, errmsg: '找不到该用户' } };
    }),
    'POST /topapi/v2/department/listsub': withAppToken((request) => {
      const deptId = Number(request.body?.dept_id ?? 1);
      if (deptId !== 1 && !data.departments.some((d) => d.dept_id === deptId)) return { json: { errcode: 60003, errmsg: '部门不存在' } };
      return topapi({ result: data.departments.filter((d) => d.parent_id === deptId).map((d) => ({ ...d, auto_add_user: true, create_dept_group: true })) });
    }),
    'POST /topapi/v2/user/list': withAppToken((request) => {
      const deptId = Number(request.body?.dept_id);
      const size = Math.min(Number(request.body?.size ?? 10), data.maxPageSize ?? 100);
      if (!(size >= 1 && size <= 100)) return { json: { errcode: 40035, errmsg: '不合法的参数 size' } };
      const members = data.contacts.filter((c) => c.dept_id_list.includes(deptId));
      const { slice, hasMore, next } = page(members, Number(request.body?.cursor ?? 0), size);
      return topapi({ result: { has_more: hasMore, ...(hasMore ? { next_cursor: next } : {}), list: slice } });
    }),
  };
  const server = await startServer((request) => routes[`${request.method} ${request.path}`] ?? null, port);
  return { ...server, data, issueCode: (unionId, ttlMs) => codes.issue(unionId, ttlMs), revokeAppTokens: () => appTokens.clear() };
}

// ---------------------------------------------------------------------------------------------
// Feishu/Lark: accounts.feishu.cn (authorisation page) and open.feishu.cn (open APIs), one server.

export interface FeishuUserRecord {
  open_id: string;
  union_id: string;
  user_id?: string;
  name?: string;
  en_name?: string;
  email?: string;
  enterprise_email?: string;
  mobile?: string;
  job_title?: string;
  employee_no?: string;
  department_ids: string[];
  orders?: Array<{ department_id: string; is_primary_dept: boolean; user_order?: number; department_order?: number }>;
  status?: { is_frozen?: boolean; is_resigned?: boolean; is_activated?: boolean; is_exited?: boolean; is_unjoin?: boolean };
  [extra: string]: unknown;
}

export interface FeishuData {
  appId: string;
  appSecret: string;
  users: FeishuUserRecord[];
  /** Root is "0"; `parent_department_id` of a top-level department is "0". */
  departments: Array<{ open_department_id: string; department_id?: string; name: string; parent_department_id: string; status?: { is_deleted: boolean } }>;
  maxPageSize?: number;
  /** Who the authorisation page signs in; default: the first user. */
  signedIn?: string;
}

export interface FeishuServer extends PlatformServer {
  data: FeishuData;
  issueCode(openId: string, ttlMs?: number): string;
}

export async function startFeishuServer(data: FeishuData, port = 0): Promise<FeishuServer> {
  const codes = new CodeBook<{ openId: string; redirectUri?: string }>();
  const userTokens = new Map<string, string>();
  const tenantTokens = new Set<string>();
  const ok = (payload: unknown) => ({ json: { code: 0, msg: 'success', data: payload } });
  const withTenantToken = (handler: Handler): Handler => (request) =>
    tenantTokens.has((request.headers.authorization ?? '').replace(/^Bearer /, ''))
      ? handler(request)
      : { status: 400, json: { code: 99991663, msg: 'Invalid access token for authorization. Please make a request with token attached.' } };
  const pageOf = <T>(items: T[], request: RecordedRequest) => {
    const size = Math.min(Number(request.query.page_size ?? 10), data.maxPageSize ?? 50);
    const { slice, hasMore, next } = page(items, Number(request.query.page_token ?? 0), size);
    return ok({ has_more: hasMore, ...(hasMore ? { page_token: String(next) } : {}), items: slice });
  };
  const children = (request: RecordedRequest): Reply => {
    const id = decodeURIComponent(request.path.split('/')[5] ?? '');
    if (id !== '0' && !data.departments.some((d) => d.open_department_id === id)) return { status: 400, json: { code: 40003, msg: 'department not found' } };
    const items = data.departments.filter((d) => d.parent_department_id === id).map((d) => ({ status: { is_deleted: false }, ...d }));
    return pageOf(items, request);
  };

  const routes: Record<string, Handler> = {
    'GET /open-apis/authen/v1/authorize': (request) => {
      const { redirect_uri, state, client_id } = request.query;
      if (client_id !== data.appId || !redirect_uri) return { status: 400, json: { code: 20002, msg: 'invalid client_id' } };
      const openId = data.signedIn ?? data.users[0]?.open_id ?? '';
      return { redirect: redirectWith(redirect_uri, { code: codes.issue({ openId, redirectUri: redirect_uri }), state: state ?? '' }) };
    },
    'POST /open-apis/authen/v2/oauth/token': (request) => {
      const body = request.body ?? {};
      if (body.client_id !== data.appId || body.client_secret !== data.appSecret) {
        return { status: 400, json: { code: 20002, error: 'invalid_client', error_description: 'The client secret is invalid.' } };
      }
      if (body.grant_type !== 'authorization_code') return { status: 400, json: { code: 20001, error: 'invalid_request', error_description: 'grant_type' } };
      const redeemed = codes.redeem(body.code);
      if (typeof redeemed === 'string') {
        return { status: 400, json: { code: redeemed === 'expired' ? 20004 : 20003, error: 'invalid_grant', error_description: `The code is ${redeemed}.` } };
      }
      if (redeemed.value.redirectUri && redeemed.value.redirectUri !== body.redirect_uri) {
        return { status: 400, json: { code: 20071, error: 'invalid_grant', error_description: 'redirect_uri does not match.' } };
      }
      const token = `fs-user-${randomUUID()}`;
      userTokens.set(token, redeemed.value.openId);
      return { json: { code: 0, access_token: token, expires_in: 7200, refresh_token: `fs-refresh-${randomUUID()}`, refresh_token_expires_in: 604800, token_type: 'Bearer', scope: '' } };
    },
    'GET /open-apis/authen/v1/user_info': (request) => {
      const openId = userTokens.get((request.headers.authorization ?? '').replace(/^Bearer /, ''));
      const user = data.users.find((u) => u.open_id === openId);
      if (!user) return { status: 401, json: { code: 20005, msg: 'invalid access token' } };
      const { open_id, union_id, user_id, name, en_name, email, enterprise_email, mobile, employee_no } = user;
      return ok({ name, en_name, avatar_url: '', open_id, union_id, user_id, email, enterprise_email, mobile, employee_no, tenant_key: 'tenant-1' });
    },
    'POST /open-apis/auth/v3/tenant_access_token/internal': (request) => {
      if (request.body?.app_id !== data.appId || request.body?.app_secret !== data.appSecret) return { json: { code: 10014, msg: 'app secret invalid' } };
      const token = `t-${randomUUID()}`;
      tenantTokens.add(token);
      return { json: { code: 0, msg: 'ok', tenant_access_token: token, expire: 7200 } };
    },
    'GET /open-apis/contact/v3/users/find_by_department': withTenantToken((request) => {
      const id = request.query.department_id ?? '';
      return pageOf(data.users.filter((u) => u.department_ids.includes(id)), request);
    }),
  };
  const server = await startServer((request) => {
    if (request.method === 'GET' && /^\/open-apis\/contact\/v3\/departments\/[^/]+\/children$/.test(request.path)) return withTenantToken(children);
    return routes[`${request.method} ${request.path}`] ?? null;
  }, port);
  return { ...server, data, issueCode: (openId, ttlMs) => codes.issue({ openId }, ttlMs) };
}

// ---------------------------------------------------------------------------------------------
// WeCom: open.weixin.qq.com (in-client OAuth), login.work.weixin.qq.com (QR) and qyapi, one server.

export interface WecomMember {
  userid: string;
  name: string;
  email?: string;
  biz_mail?: string;
  department: number[];
  main_department?: number;
  position?: string;
  status?: number;
  [extra: string]: unknown;
}

export interface WecomData {
  corpId: string;
  agentId: string;
  secret: string;
  members: WecomMember[];
  /** Who the authorisation pages sign in: a member's userid, or `openid:<x>` for an outsider. */
  signedIn?: string;
}

export interface WecomServer extends PlatformServer {
  data: WecomData;
  issueCode(who: string, ttlMs?: number): string;
}

export async function startWecomServer(data: WecomData, port = 0): Promise<WecomServer> {
  const codes = new CodeBook<string>();
  const appTokens = new Set<string>();
  const withAppToken = (handler: Handler): Handler => (request) =>
    appTokens.has(request.query.access_token ?? '') ? handler(request) : { json: { errcode: 40014, errmsg: 'invalid access_token' } };
  const authorize: Handler = (request) => {
    const { redirect_uri, state, appid, agentid } = request.query;
    if (appid !== data.corpId || agentid !== data.agentId || !redirect_uri) return { json: { errcode: 40013, errmsg: 'invalid corpid' } };
    const who = data.signedIn ?? data.members[0]?.userid ?? '';
    return { redirect: redirectWith(redirect_uri, { code: codes.issue(who), state: state ?? '', ...(request.path.includes('sso') ? { appid } : {}) }) };
  };
  const routes: Record<string, Handler> = {
    'GET /connect/oauth2/authorize': authorize,
    'GET /wwlogin/sso/login': authorize,
    'GET /cgi-bin/gettoken': (request) => {
      if (request.query.corpid !== data.corpId) return { json: { errcode: 40013, errmsg: 'invalid corpid' } };
      if (request.query.corpsecret !== data.secret) return { json: { errcode: 40001, errmsg: 'invalid credential' } };
      const token = `wc-app-${randomUUID()}`;
      appTokens.add(token);
      return { json: { errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 } };
    },
    'GET /cgi-bin/auth/getuserinfo': withAppToken((request) => {
      const redeemed = codes.redeem(request.query.code);
      if (typeof redeemed === 'string') return { json: { errcode: 40029, errmsg: 'invalid code' } };
      if (redeemed.value.startsWith('openid:')) return { json: { errcode: 0, errmsg: 'ok', openid: redeemed.value.slice(7), external_userid: '' } };
      return { json: { errcode: 0, errmsg: 'ok', userid: redeemed.value, user_ticket: `ticket-${randomUUID()}` } };
    }),
    'GET /cgi-bin/user/get': withAppToken((request) => {
      const member = data.members.find((m) => m.userid === request.query.userid);
      return member ? { json: { errcode: 0, errmsg: 'ok', status: 1, ...member } } : { json: { errcode: 60111, errmsg: 'userid not found' } };
    }),
  };
  const server = await startServer((request) => routes[`${request.method} ${request.path}`] ?? null, port);
  return { ...server, data, issueCode: (who, ttlMs) => codes.issue(who, ttlMs) };
}
