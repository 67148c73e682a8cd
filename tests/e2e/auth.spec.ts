import { expect, test } from '@playwright/test';
import { expectHydrated, openUserMenu, signInWithForm, signInForm, submitSignIn, userFor, signOutFromMenu } from './fixtures';

/** An address no demo user has, different in every run and project (failed sign-ins count per address). */
function unknownEmail(label: string, project: string): string {
  return `${label}-${project}-${Date.now()}@nobody.example.com`;
}

test.describe('Signing in', () => {
  test('a demo user signs in and is greeted by name', { tag: '@smoke' }, async ({ page }, testInfo) => {
    const user = userFor(testInfo, 'reader');
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { name: '登录协作' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

    await signInWithForm(page, user.email);

    await expect(page).toHaveURL('/');
    await expect(page.getByTestId('greeting')).toHaveText(`你好，${user.name}`);
  });

  test('a wrong password is refused with a generic message and the email is kept', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'the same server answer on every screen');
    const user = userFor(testInfo, 'wrongPassword');
    await submitSignIn(page, user.email, 'not-the-password');

    const form = signInForm(page);
    await expect(form.error).toHaveText('邮箱或密码不正确。');
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(form.email).toHaveValue(user.email);
    await expect(page.getByTestId('greeting')).toHaveCount(0);
  });

  test('an unknown email gets the same message as a wrong password', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'the same server answer on every screen');
    const email = unknownEmail('unknown', testInfo.project.name);
    await submitSignIn(page, email, 'xiezuo-demo');

    const form = signInForm(page);
    await expect(form.error).toHaveText('邮箱或密码不正确。');
    await expect(form.email).toHaveValue(email);
  });

  test('an empty or malformed form shows inline errors under the fields without asking the server', async ({ page }) => {
    await page.goto('/sign-in');
    const form = signInForm(page);
    await expectHydrated(form.submit);

    await form.submit.click();
    await expect(form.email).toHaveAttribute('aria-invalid', 'true');
    await expect(form.email).toHaveAccessibleDescription('此项为必填项');
    await expect(form.password).toHaveAccessibleDescription('此项为必填项');
    await expect(form.error).toHaveCount(0);

    await form.email.fill('not-an-email');
    await form.password.fill('whatever');
    await form.submit.click();
    await expect(form.email).toHaveAccessibleDescription('请输入有效的邮箱地址');
    await expect(form.password).not.toHaveAttribute('aria-invalid');
    await expect(page).toHaveURL('/sign-in');
  });

  test('after five failures for one address it is locked for 15 minutes', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'the same server answer on every screen');
    // The server's defaults, unless the environment changes them for this run.
    const maxFailures = Number(process.env.SIGNIN_MAX_FAILURES ?? 5);
    const windowMinutes = Number(process.env.SIGNIN_WINDOW_MINUTES ?? 15);
    const email = unknownEmail('lockout', testInfo.project.name);
    const form = signInForm(page);
    for (let attempt = 1; attempt <= maxFailures; attempt++) {
      // Each attempt is answered before the next one starts, so exactly this many are counted.
      const answered = page.waitForResponse((response) => response.url().includes('/api/auth/callback/credentials'));
      await submitSignIn(page, email, `wrong-${attempt}`);
      await answered;
      await expect(form.error).toHaveText('邮箱或密码不正确。');
    }
    await submitSignIn(page, email, 'one-more');
    await expect(form.error).toHaveText(`登录失败次数过多，请 ${windowMinutes} 分钟后再试。`);
  });

  test('visiting the workspace signed out leads to sign-in and back again', async ({ page }, testInfo) => {
    const user = userFor(testInfo, 'reader');
    await page.goto('/');
    await expect(page).toHaveURL('/sign-in?callbackUrl=%2F');

    await signInWithForm(page, user.email);
    await expect(page).toHaveURL('/');
    await expect(page.getByTestId('greeting')).toHaveText(`你好，${user.name}`);
  });
});

test.describe('Language', () => {
  test('choosing English on the sign-in page translates it before signing in', async ({ page }, testInfo) => {
    const user = userFor(testInfo, 'languageSignInPage');
    await page.goto('/sign-in');
    const english = page.getByRole('button', { name: 'English', exact: true });
    await expect(english).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByRole('button', { name: '简体中文' })).toHaveAttribute('aria-pressed', 'true');

    await english.click();

    await expect(page.getByRole('heading', { name: 'Sign in to Xiezuo' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(english).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByLabel('Email', { exact: true })).toBeVisible();

    // A user who has not chosen a language yet keeps the one chosen on the sign-in page.
    await signInWithForm(page, user.email);
    await expect(page.getByTestId('greeting')).toHaveText(`Hello, ${user.name}`);
  });

  test('switching to English in the account menu is saved on the account, and back to Chinese', async ({ page, context }, testInfo) => {
    const user = userFor(testInfo, 'languageMenu');
    await signInWithForm(page, user.email);
    await expect(page.getByTestId('greeting')).toHaveText(`你好，${user.name}`);

    let menu = await openUserMenu(page);
    await menu.getByRole('button', { name: 'English', exact: true }).click();
    await expect(page.getByTestId('greeting')).toHaveText(`Hello, ${user.name}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    // Without any cookie (no session, no remembered language) the browser asks for Chinese, and
    // signing in again still shows English: the choice belongs to the account.
    await context.clearCookies();
    await page.goto('/');
    await expect(page.getByRole('heading', { name: '登录协作' })).toBeVisible();
    await signInWithForm(page, user.email);
    await expect(page.getByTestId('greeting')).toHaveText(`Hello, ${user.name}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    menu = await openUserMenu(page);
    await expect(menu.getByRole('button', { name: 'English', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await menu.getByRole('button', { name: '简体中文' }).click();
    await expect(page.getByTestId('greeting')).toHaveText(`你好，${user.name}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  });
});

test.describe('Signing out', () => {
  test('signing out returns to the sign-in page and the workspace asks to sign in again', async ({ page }, testInfo) => {
    const user = userFor(testInfo, 'signOut');
    await signInWithForm(page, user.email);

    await signOutFromMenu(page);

    await expect(page).toHaveURL('/sign-in');
    await expect(page.getByRole('heading', { name: '登录协作' })).toBeVisible();

    await page.goto('/');
    await expect(page).toHaveURL('/sign-in?callbackUrl=%2F');
  });
});
