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
  checkFileStore(parsed.data);
  return parsed.data;
}

export const env = parseEnv();
