import { z } from 'zod';

const flag = (fallback: boolean) =>
  z
    .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
    .optional()
    .transform((v) => (v === undefined ? fallback : ['1', 'true', 'yes', 'on'].includes(v)));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.url().optional(),
  PGLITE_DIR: z.string().min(1).default('./.data/pglite'),
  /** Uploaded files (avatars, attachments) on local disk. */
  FILES_DIR: z.string().min(1).default('./.data/files'),
  /** Days a space's events are kept for reconnecting streams to replay; older gaps reload instead. */
  EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  SEED_DEMO: flag(true),
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
  DEFAULT_TIME_ZONE: z.string().default('Asia/Shanghai'),
  /** Cards a board column holds at most (a safety cap: columns render only the cards in view). */
  BOARD_COLUMN_LIMIT: z.coerce.number().int().min(1).max(5000).default(2000),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
});

export type Env = z.infer<typeof envSchema>;

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
  return parsed.data;
}

export const env = parseEnv();
