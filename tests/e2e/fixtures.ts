import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';

/** Every demo user signs in with this password (see lib/org/demo-data.ts). */
export const DEMO_PASSWORD = 'xiezuo-demo';
export const DEMO_EMAIL_DOMAIN = 'demo.example.com';

export interface DemoUser {
  email: string;
  name: string;
}

function demoUser(localPart: string, name: string): DemoUser {
  return { email: `${localPart}@${DEMO_EMAIL_DOMAIN}`, name };
}

export const demoUsers = {
  wangFang: demoUser('wang.fang', '王芳'),
  liNa: demoUser('li.na', '李娜'),
  hanMei: demoUser('han.mei', '韩梅'),
  zhangWei: demoUser('zhang.wei', '张伟'),
  liuYang: demoUser('liu.yang', '刘洋'),
  chenJing: demoUser('chen.jing', '陈静'),
  yangLei: demoUser('yang.lei', '杨磊'),
  zhaoMin: demoUser('zhao.min', '赵敏'),
  huangLi: demoUser('huang.li', '黄丽'),
  tangLiang: demoUser('tang.liang', '唐亮'),
  fengXue: demoUser('feng.xue', '冯雪'),
  caoYang: demoUser('cao.yang', '曹阳'),
  luoBin: demoUser('luo.bin', '罗斌'),
  guoMin: demoUser('guo.min', '郭敏'),
  pengFei: demoUser('peng.fei', '彭飞'),
  xieMing: demoUser('xie.ming', '谢明'),
  heYong: demoUser('he.yong', '何勇'),
  songJia: demoUser('song.jia', '宋佳'),
  zhouJie: demoUser('zhou.jie', '周杰'),
  wuGang: demoUser('wu.gang', '吴刚'),
  xuTing: demoUser('xu.ting', '徐婷'),
  sunHao: demoUser('sun.hao', '孙浩'),
  gaoFeng: demoUser('gao.feng', '高峰'),
  dongJie: demoUser('dong.jie', '董洁'),
  zhengKai: demoUser('zheng.kai', '郑凯'),
  // New hires: no department or phone yet, so they meet onboarding first.
  luChen: demoUser('lu.chen', '陆晨'),
  shenYue: demoUser('shen.yue', '沈悦'),
} as const;

/**
 * What a test does with its user. Tests that change something about a user (its saved language,
 * failed sign-ins, its session) get a user of their own in each project, so the desktop and phone
 * runs, and the tests among themselves, never see each other's changes.
 */
export type UserRole =
  | 'reader' // signs in and only looks around
  | 'wrongPassword' // collects a failed sign-in
  | 'languageMenu' // saves English on the account, then Chinese again
  | 'languageSignInPage' // signs in after choosing English on the sign-in page
  | 'signOut' // ends its session
  | 'onboarding' // a new hire who completes the first-sign-in profile
  | 'settings' // changes its preferences and favourite departments
  | 'admin' // an organisation admin using the console
  | 'deactivated' // gets deactivated by the admin
  | 'spaceCreator' // creates a space and manages it
  | 'spaceObserver' // is invited to that space as an observer
  | 'spaceOutsider' // is never invited
  | 'chatAuthor' // opens a space and posts in its chat
  | 'chatReader'; // reads that chat in a second browser

type ProjectName = 'desktop' | 'phone';

const usersByProject: Record<ProjectName, Record<UserRole, DemoUser>> = {
  desktop: {
    reader: demoUsers.wangFang,
    wrongPassword: demoUsers.yangLei,
    languageMenu: demoUsers.liNa,
    languageSignInPage: demoUsers.zhaoMin,
    signOut: demoUsers.liuYang,
    onboarding: demoUsers.luChen,
    settings: demoUsers.fengXue,
    admin: demoUsers.wangFang,
    deactivated: demoUsers.guoMin,
    spaceCreator: demoUsers.xieMing,
    spaceObserver: demoUsers.heYong,
    spaceOutsider: demoUsers.songJia,
    chatAuthor: demoUsers.zhouJie,
    chatReader: demoUsers.wuGang,
  },
  phone: {
    reader: demoUsers.zhangWei,
    wrongPassword: demoUsers.huangLi,
    languageMenu: demoUsers.hanMei,
    languageSignInPage: demoUsers.tangLiang,
    signOut: demoUsers.chenJing,
    onboarding: demoUsers.shenYue,
    settings: demoUsers.caoYang,
    admin: demoUsers.luoBin,
    deactivated: demoUsers.pengFei,
    spaceCreator: demoUsers.gaoFeng,
    spaceObserver: demoUsers.dongJie,
    spaceOutsider: demoUsers.zhengKai,
    chatAuthor: demoUsers.xuTing,
    chatReader: demoUsers.sunHao,
  },
};

/** The demo user this test uses for `role` in the running project (desktop or phone). */
export function userFor(testInfo: TestInfo, role: UserRole): DemoUser {
  const project = testInfo.project.name;
  if (project !== 'desktop' && project !== 'phone') throw new Error(`No demo users for project "${project}"`);
  return usersByProject[project][role];
}

/**
 * Waits until React has hydrated `locator`'s element, so clicking it runs the app's handler
 * rather than the browser's default (a form without JavaScript would submit as a GET).
 */
export async function expectHydrated(locator: Locator): Promise<void> {
  await expect
    .poll(() => locator.evaluate((element) => Object.keys(element).some((key) => key.startsWith('__reactFiber$'))), {
      message: 'the element is hydrated by React',
    })
    .toBe(true);
}

/** The sign-in form's parts, in either interface language. */
export function signInForm(page: Page) {
  return {
    email: page.getByLabel(/^(邮箱|Email)$/),
    password: page.getByLabel(/^(密码|Password)$/),
    submit: page.getByRole('button', { name: /^(登录|Sign in)$/ }),
    error: page.getByTestId('form-error'),
  };
}

/** Fills and submits the sign-in form, staying on the current page if it is the sign-in page. */
export async function submitSignIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  if (new URL(page.url(), 'http://x').pathname !== '/sign-in') await page.goto('/sign-in');
  const form = signInForm(page);
  await expectHydrated(form.submit);
  await form.email.fill(email);
  await form.password.fill(password);
  await form.submit.click();
}

/** Signs in through the sign-in page, as a person would, and waits for the workspace greeting. */
export async function signInWithForm(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await submitSignIn(page, email, password);
  const greeting = page.getByTestId('greeting');
  const error = signInForm(page).error;
  // Whichever comes first; a refusal fails at once, naming what the page said.
  await expect(greeting.or(error)).toBeVisible();
  if (await error.isVisible()) {
    throw new Error(`Signing in as ${email} failed; the page says: ${await error.textContent()}`);
  }
  await expect(greeting).toBeVisible();
}

/**
 * Signs in through next-auth's endpoints (what the form posts), for tests whose subject is not
 * signing in, then opens the workspace. The browser context keeps the session cookie.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  await page.request.post('/api/auth/callback/credentials', { form: { csrfToken, email, password, json: 'true' } });
  const cookies = await page.context().cookies();
  if (!cookies.some((cookie) => cookie.name.endsWith('next-auth.session-token'))) throw new Error(`Signing in as ${email} failed`);
  await page.goto('/');
  await expect(page.getByTestId('greeting')).toBeVisible();
}

/** Opens the account menu in the header (a disclosure) unless it is open already. */
export async function openUserMenu(page: Page): Promise<Locator> {
  const summary = page.getByLabel(/^(个人菜单|Account menu)$/);
  const menu = page.locator('details').filter({ has: summary });
  if (!(await menu.evaluate((details) => (details as HTMLDetailsElement).open))) await summary.click();
  await expect(menu).toHaveAttribute('open', '');
  return menu;
}

/** Clicks 退出登录 in the account menu once React handles it. */
export async function signOutFromMenu(page: Page): Promise<void> {
  const menu = await openUserMenu(page);
  const signOut = menu.getByRole('button', { name: '退出登录' });
  await expectHydrated(signOut);
  await signOut.click();
}

/** The test identity provider (tests/e2e/oidc-idp.mjs) and the app that allows only SSO (see playwright.config.ts). */
export const IDP_PORT = process.env.E2E_IDP_PORT ?? '3190';
export const ssoOnlyURL = `http://127.0.0.1:${process.env.E2E_SSO_ONLY_PORT ?? '3101'}`;
/** On Postgres, a second process of the app on the same database (see playwright.config.ts). */
export const secondProcessURL = `http://127.0.0.1:${process.env.E2E_SECOND_PORT ?? '3102'}`;

/**
 * Goes through the test IdP once the browser is headed there: its login page (shown only without
 * an IdP session; any password works, the login name decides the claims) and its consent page,
 * until the browser is back on the app. `from` is the app page that started it, if still shown.
 */
export async function passIdentityProvider(page: Page, login: string, from?: string): Promise<void> {
  const loginField = page.locator('input[name="login"]');
  const consent = page.getByRole('button', { name: 'Continue' });
  const backOnApp = (url: URL) => url.port !== IDP_PORT && !url.pathname.startsWith('/api/auth');
  let previous = from ?? '';
  for (let step = 0; step < 4; step++) {
    // Each IdP step is a new page (a new interaction id); wait until it is not the last one.
    await page.waitForURL((url) => url.href !== previous && (backOnApp(url) || url.pathname.startsWith('/interaction/')));
    if (backOnApp(new URL(page.url()))) return;
    previous = page.url();
    await expect(loginField.or(consent)).toBeVisible();
    if (await loginField.isVisible()) {
      await loginField.fill(login);
      await page.locator('input[name="password"]').fill('any-password');
      await page.getByRole('button', { name: 'Sign-in' }).click();
    } else {
      await consent.click();
    }
  }
  throw new Error(`SSO did not return to the app; stuck at ${page.url()}`);
}

/** Confirms the identity provider's "sign out here too?" page (RP-initiated logout). */
export async function confirmIdentityProviderLogout(page: Page): Promise<void> {
  await page.waitForURL((url) => url.port === IDP_PORT);
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
}

/** The signed-in user of a page, as `GET /api/v1/me` answers. */
export async function me(page: Page): Promise<{ id: string; departmentId: string }> {
  return (await (await page.request.get('/api/v1/me')).json()).user;
}

/** Options for another browser context of the running project (desktop or phone), for tests with several people. */
export function projectContextOptions(testInfo: TestInfo) {
  const { viewport, isMobile, hasTouch, deviceScaleFactor, locale, timezoneId, baseURL } = testInfo.project.use;
  return { viewport, isMobile, hasTouch, deviceScaleFactor, locale, timezoneId, baseURL };
}
