import { z } from 'zod';

const flag = (fallback: boolean) =>
  z
    .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
    .optional()
    .transform((v) => (v === undefined ? fallback : ['1', 'true', 'yes', 'on'].includes(v)));
// A flag whose default depends on other settings: undefined when not set.
const optionalFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .optional()
  .transform((v) => (v === undefined ? undefined : ['1', 'true', 'yes', 'on'].includes(v)));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.url().optional(),
  PGLITE_DIR: z.string().min(1).default('./.data/pglite'),
  /** Uploaded files (avatars, attachments) on local disk, unless FILES_S3_BUCKET is set. */
  FILES_DIR: z.string().min(1).default('./.data/files'),
  /** The largest file one upload to the file library may bring (default 100 MB), enforced while it streams. */
  FILE_MAX_BYTES: z.coerce.number().int().min(1).default(100 * 1024 ** 2),
  /** Uploaded files in this bucket of an S3-compatible store instead of FILES_DIR. */
  FILES_S3_BUCKET: z.string().min(1).optional(),
  /** The store's URL (MinIO, Ceph, R2, OSS/COS…); leave unset for AWS S3 itself. */
  FILES_S3_ENDPOINT: z.url().optional(),
  FILES_S3_REGION: z.string().min(1).default('us-east-1'),
  /** Both or neither; without them the AWS SDK's own credential chain applies (instance role, AWS_*). */
  FILES_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  FILES_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Bucket in the path (`endpoint/bucket/key`), not the host name; default on when an endpoint is set. */
  FILES_S3_FORCE_PATH_STYLE: optionalFlag,
  /** What one space's file library may hold in all, every version counted (default 20 GB). */
  SPACE_FILE_QUOTA_BYTES: z.coerce.number().int().min(1).default(20 * 1024 ** 3),
  /** Days a space's events are kept for reconnecting streams to replay; older gaps reload instead. */
  EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  SEED_DEMO: flag(true),
  /** The server's periodic jobs: sending queued email and robot messages, daily digests, overdue replies. */
  BACKGROUND_JOBS: flag(true),
  /** Minutes between scheduled directory syncs (LDAP, DingTalk, Feishu); 0 = only on demand (README "Directory sync"). */
  DIRECTORY_SYNC_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(7 * 24 * 60).default(0),
  /** Public URL of the app; next-auth reads it itself, it is validated here. */
  NEXTAUTH_URL: z.url().optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  AUTH_LOCAL_ENABLED: flag(true),
  /** Enterprise SSO through any OpenID Connect identity provider; all three turn it on. */
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_DISPLAY_NAME: z.string().min(1).optional(),
  /** Name of an ID-token/userinfo claim holding the user's department name, if the IdP sends one. */
  OIDC_DEPARTMENT_CLAIM: z.string().min(1).optional(),
  /**
   * DingTalk (钉钉) sign-in and contact sync: the AppKey and AppSecret (Client ID / Client Secret)
   * of an internal app (企业内部应用); both turn it on. See README "Sign-in with DingTalk, Feishu/Lark and WeCom".
   */
  DINGTALK_CLIENT_ID: z.string().min(1).optional(),
  DINGTALK_CLIENT_SECRET: z.string().min(1).optional(),
  /** The organisation's corpId: the authorisation page then signs in to this organisation only. */
  DINGTALK_CORP_ID: z.string().min(1).optional(),
  /** DingTalk's hosts; only tests and API gateways change them. */
  DINGTALK_LOGIN_URL: z.url().default('https://login.dingtalk.com'),
  DINGTALK_API_URL: z.url().default('https://api.dingtalk.com'),
  DINGTALK_OAPI_URL: z.url().default('https://oapi.dingtalk.com'),
  /** Feishu/Lark (飞书) sign-in and contact sync: the App ID and App Secret of a custom app (企业自建应用). */
  FEISHU_APP_ID: z.string().min(1).optional(),
  FEISHU_APP_SECRET: z.string().min(1).optional(),
  /** The open platform's host: https://open.feishu.cn, or https://open.larksuite.com for Lark. */
  FEISHU_BASE_URL: z.url().default('https://open.feishu.cn'),
  /** The authorisation page's host; unset: accounts.feishu.cn / accounts.larksuite.com after FEISHU_BASE_URL. */
  FEISHU_ACCOUNTS_URL: z.url().optional(),
  /** WeCom (企业微信) sign-in: the corp ID, the self-built app's AgentId and its Secret; all three turn it on. */
  WECOM_CORP_ID: z.string().min(1).optional(),
  WECOM_AGENT_ID: z.string().min(1).optional(),
  WECOM_SECRET: z.string().min(1).optional(),
  /** WeCom's hosts: the API, the in-client authorisation page and the QR-code login page. */
  WECOM_API_URL: z.url().default('https://qyapi.weixin.qq.com'),
  WECOM_OAUTH_URL: z.url().default('https://open.weixin.qq.com'),
  WECOM_LOGIN_URL: z.url().default('https://login.work.weixin.qq.com'),
  /** bcrypt work factor; 12 takes ~0.3 s here. Never below 10. */
  PASSWORD_HASH_COST: z.coerce.number().int().min(10).max(15).default(12),
  SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  SIGNIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /**
   * Outgoing mail server for notification emails: smtp://user:pass@host:587 (upgrades with
   * STARTTLS when offered) or smtps://user:pass@host:465; percent-encode `@`, `:` and `/` in the
   * password. Unset: notifications are not emailed.
   */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'expected smtp://… or smtps://…' }).optional(),
  /** The From of notification emails, an address with an optional display name. */
  MAIL_FROM: z
    .string()
    .regex(/^(?:[^<>]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, 'expected an address like "Xiezuo <no-reply@example.com>"')
    .default('Xiezuo <no-reply@localhost>'),
  DEFAULT_TIME_ZONE: z.string().default('Asia/Shanghai'),
  /** Cards a board column holds at most (a safety cap: columns render only the cards in view). */
  BOARD_COLUMN_LIMIT: z.coerce.number().int().min(1).max(5000).default(2000),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Directory sync from LDAP / Active Directory (README "LDAP and Active Directory"): ldap://host:389 or ldaps://host:636. */
  LDAP_URL: z.url({ protocol: /^ldaps?$/, error: 'expected ldap://… or ldaps://…' }).optional(),
  /** Upgrade an ldap:// connection with StartTLS before binding. */
  LDAP_START_TLS: flag(false),
  /** The read-only account the sync binds as (both or neither; neither: an anonymous bind). */
  LDAP_BIND_DN: z.string().min(1).optional(),
  LDAP_BIND_PASSWORD: z.string().min(1).optional(),
  /** Where departments and people are searched, e.g. dc=example,dc=com; needed with LDAP_URL. */
  LDAP_BASE_DN: z.string().min(1).optional(),
  /** `ad` switches the defaults to Active Directory's (objectGUID, employeeID, userAccountControl). */
  LDAP_FLAVOR: z.enum(['openldap', 'ad']).default('openldap'),
  /** Who is a person; default (objectClass=inetOrgPerson), on AD (&(objectCategory=person)(objectClass=user)). */
  LDAP_USER_FILTER: z.string().min(1).optional(),
  /** Which entries are departments; their place in the tree comes from their DNs. */
  LDAP_DEPARTMENT_FILTER: z.string().min(1).default('(objectClass=organizationalUnit)'),
  /** People who also match this filter are treated as disabled (leavers), e.g. (employeeType=离职). */
  LDAP_DISABLED_FILTER: z.string().min(1).optional(),
  /** Attribute overrides: comma-separated, the first one an entry has wins. Defaults in the README section. */
  LDAP_ATTR_ID: z.string().min(1).optional(),
  LDAP_ATTR_EMAIL: z.string().min(1).optional(),
  LDAP_ATTR_NAME: z.string().min(1).optional(),
  LDAP_ATTR_EMPLOYEE_ID: z.string().min(1).optional(),
  LDAP_ATTR_PHONE: z.string().min(1).optional(),
  LDAP_ATTR_TITLE: z.string().min(1).optional(),
  /** A person's attribute naming their main department (its DN or its name); unset: the OU the entry sits in. */
  LDAP_ATTR_DEPARTMENT: z.string().min(1).optional(),
  /** A department's name; default description, then ou. */
  LDAP_ATTR_DEPARTMENT_NAME: z.string().min(1).optional(),
  /** PEM file of the CA that signed the server's certificate (ldaps:// or StartTLS); unset: the system's CAs. */
  LDAP_TLS_CA_FILE: z.string().min(1).optional(),
  LDAP_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** Longest wait for one answer (a bind, a page of a search). */
  LDAP_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  /** Entries per page of a paged search (RFC 2696); keep it at or below the server's limit (AD: 1000). */
  LDAP_PAGE_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
});

export type Env = z.infer<typeof envSchema>;

/** S3 settings without a bucket, or half a key pair, would silently fall back or fail at the first upload. */
function checkFileStore(data: Env) {
  const { FILES_S3_BUCKET, FILES_S3_ENDPOINT, FILES_S3_ACCESS_KEY_ID, FILES_S3_SECRET_ACCESS_KEY, FILES_S3_FORCE_PATH_STYLE } = data;
  if (!FILES_S3_BUCKET && (FILES_S3_ENDPOINT || FILES_S3_ACCESS_KEY_ID || FILES_S3_SECRET_ACCESS_KEY || FILES_S3_FORCE_PATH_STYLE !== undefined)) {
    throw new Error('Invalid environment configuration: FILES_S3_* settings need FILES_S3_BUCKET.');
  }
  if (Boolean(FILES_S3_ACCESS_KEY_ID) !== Boolean(FILES_S3_SECRET_ACCESS_KEY)) {
    throw new Error('Invalid environment configuration: FILES_S3_ACCESS_KEY_ID and FILES_S3_SECRET_ACCESS_KEY go together.');
  }
}

/** LDAP settings that cannot work together fail at start-up, not at the first sync. */
function checkLdap(data: Env) {
  const { LDAP_URL, LDAP_BASE_DN, LDAP_BIND_DN, LDAP_BIND_PASSWORD, LDAP_START_TLS } = data;
  if (LDAP_URL && !LDAP_BASE_DN) throw new Error('Invalid environment configuration: LDAP_URL needs LDAP_BASE_DN.');
  if (Boolean(LDAP_BIND_DN) !== Boolean(LDAP_BIND_PASSWORD)) {
    throw new Error('Invalid environment configuration: LDAP_BIND_DN and LDAP_BIND_PASSWORD go together.');
  }
  if (LDAP_START_TLS && LDAP_URL?.startsWith('ldaps:')) {
    throw new Error('Invalid environment configuration: LDAP_START_TLS is for ldap:// URLs; ldaps:// is encrypted already.');
  }
}

/** Half an app's credentials would show a sign-in button that can only fail. */
function checkPlatforms(data: Env) {
  const groups: string[][] = [
    ['DINGTALK_CLIENT_ID', 'DINGTALK_CLIENT_SECRET'],
    ['FEISHU_APP_ID', 'FEISHU_APP_SECRET'],
    ['WECOM_CORP_ID', 'WECOM_AGENT_ID', 'WECOM_SECRET'],
  ];
  for (const names of groups) {
    const set = names.map((name) => Boolean(data[name as keyof Env]));
    if (set.some(Boolean) && !set.every(Boolean)) {
      throw new Error(`Invalid environment configuration: ${names.join(', ')} go together.`);
    }
  }
}

function parseEnv(): Env {
  const source = { ...process.env };
  // An empty value in .env means "not set".
  for (const key of Object.keys(source)) if (source[key] === '') delete source[key];
  source.AUTH_SECRET ??= process.env.NEXTAUTH_SECRET || undefined;
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment configuration:\n${problems}`);
  }
  const sso = [parsed.data.OIDC_ISSUER, parsed.data.OIDC_CLIENT_ID, parsed.data.OIDC_CLIENT_SECRET];
  if (sso.some(Boolean) && !sso.every(Boolean)) {
    throw new Error('Invalid environment configuration: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together.');
  }
  checkPlatforms(parsed.data);
  checkFileStore(parsed.data);
  checkLdap(parsed.data);
  return parsed.data;
}

export const env = parseEnv();
