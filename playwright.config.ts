import { defineConfig } from '@playwright/test';

/**
 * Browser tests against a production build (`next build` must have run first: this config never
 * builds). They use Debian's Chromium, never a browser that Playwright downloads.
 *
 * The server gets a fresh embedded database unless DATABASE_URL is set, in which case it inherits
 * it and runs on Postgres; either way the demo company is seeded before the server starts.
 */
const PORT = process.env.E2E_PORT ?? '3100';
const baseURL = `http://127.0.0.1:${PORT}`;
// Computed once, when the config loads, so the seed step and the server open the same folder.
const pgliteDir = process.env.E2E_PGLITE_DIR ?? `.data/e2e-${Date.now()}`;
// Uploaded files of this run's servers, beside its database (two runs may share the checkout).
const filesDir = `${pgliteDir}-files`;
// The test identity provider (tests/e2e/oidc-idp.mjs) the app's SSO is pointed at.
const IDP_PORT = process.env.E2E_IDP_PORT ?? '3190';
// A second app with local sign-in switched off (SSO only), on its own empty embedded database.
const SSO_ONLY_PORT = process.env.E2E_SSO_ONLY_PORT ?? '3101';
export const ssoOnlyURL = `http://127.0.0.1:${SSO_ONLY_PORT}`;
// On Postgres, a second process of the same app on the same database: events posted to one reach
// streams held by the other (tests/e2e/realtime-processes.spec.ts).
const SECOND_PORT = process.env.E2E_SECOND_PORT ?? '3102';
const secondProcessURL = `http://127.0.0.1:${SECOND_PORT}`;

// The local DingTalk (tests/e2e/platform-server.ts) the main app's DingTalk sign-in is pointed at.
const PLATFORM_PORT = process.env.E2E_PLATFORM_PORT ?? '3191';
const platformURL = `http://127.0.0.1:${PLATFORM_PORT}`;
const dingtalkEnv = {
  DINGTALK_CLIENT_ID: 'xiezuo-e2e-dingtalk',
  DINGTALK_CLIENT_SECRET: 'xiezuo-e2e-dingtalk-secret',
  DINGTALK_LOGIN_URL: platformURL,
  DINGTALK_API_URL: platformURL,
  DINGTALK_OAPI_URL: platformURL,
};

const ssoEnv = {
  OIDC_ISSUER: `http://127.0.0.1:${IDP_PORT}`,
  OIDC_CLIENT_ID: 'xiezuo-e2e',
  OIDC_CLIENT_SECRET: 'xiezuo-e2e-secret',
  OIDC_DISPLAY_NAME: '测试身份中心',
  OIDC_DEPARTMENT_CLAIM: 'department',
};

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Traces and screenshots of failures; per run, so two runs side by side do not clear each other's.
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
  forbidOnly: !!process.env.CI,
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT ?? 'test-results/e2e-results.json' }],
  ],
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    {
      name: 'desktop',
      use: { browserName: 'chromium', viewport: { width: 1440, height: 900 } },
    },
    {
      name: 'phone',
      use: {
        browserName: 'chromium',
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 2,
      },
    },
  ],
  webServer: [
    {
      command: `exec node tests/e2e/oidc-idp.mjs`,
      url: `http://127.0.0.1:${IDP_PORT}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { ...(process.env as Record<string, string>), OIDC_IDP_PORT: IDP_PORT, APP_URLS: `${baseURL},${ssoOnlyURL}` },
    },
    {
      command: `exec node_modules/.bin/tsx tests/e2e/platform-server.ts`,
      url: `${platformURL}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { ...(process.env as Record<string, string>), E2E_PLATFORM_PORT: PLATFORM_PORT },
    },
    {
      // Started directly (not through npx) so that stopping it frees the port.
      command: `node_modules/.bin/tsx lib/cli/main.ts seed-demo && exec node_modules/.bin/next start -p ${PORT}`,
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      env: {
        ...(process.env as Record<string, string>),
        NEXT_TELEMETRY_DISABLED: '1',
        PGLITE_DIR: pgliteDir,
        FILES_DIR: filesDir,
        SEED_DEMO: '1',
        NEXTAUTH_URL: baseURL,
        ...ssoEnv,
        ...dingtalkEnv,
      },
    },
    {
      command: `exec node_modules/.bin/next start -p ${SSO_ONLY_PORT}`,
      url: `${ssoOnlyURL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        ...(process.env as Record<string, string>),
        NEXT_TELEMETRY_DISABLED: '1',
        DATABASE_URL: '',
        PGLITE_DIR: `${pgliteDir}-sso-only`,
        FILES_DIR: filesDir,
        SEED_DEMO: '0',
        NEXTAUTH_URL: ssoOnlyURL,
        AUTH_LOCAL_ENABLED: '0',
        ...ssoEnv,
      },
    },
    ...(process.env.DATABASE_URL
      ? [{
        command: `exec node_modules/.bin/next start -p ${SECOND_PORT}`,
        url: `${secondProcessURL}/api/health`,
        reuseExistingServer: false,
        timeout: 120_000,
        env: { ...(process.env as Record<string, string>), NEXT_TELEMETRY_DISABLED: '1', SEED_DEMO: '0', NEXTAUTH_URL: baseURL, FILES_DIR: filesDir, ...ssoEnv },
      }]
      : []),
  ],
});
