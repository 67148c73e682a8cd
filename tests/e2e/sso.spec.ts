import { expect, test, type Page } from '@playwright/test';
import { confirmIdentityProviderLogout, expectHydrated, IDP_PORT, passIdentityProvider, signOutFromMenu } from './fixtures';

// The test IdP (tests/e2e/oidc-idp.mjs) accepts any login; the login name decides the claims.
const SSO_BUTTON = '使用测试身份中心登录';

// Redirects and claims mapping: the same on every screen.
test.skip(({ isMobile }) => isMobile, 'no phone layout involved: once is enough');

/** Starts SSO from the sign-in page and goes through the IdP until the browser is back on the app. */
async function signInWithSso(page: Page, login: string) {
  await page.goto('/sign-in');
  const button = page.getByRole('button', { name: SSO_BUTTON });
  await expectHydrated(button);
  const from = page.url();
  await button.click();
  await passIdentityProvider(page, login, from);
}

const ssoPerson = { desktop: { login: 'sso.zhou', name: '周思远' }, phone: { login: 'sso.qian', name: '钱嘉怡' } } as const;

test.describe('Enterprise SSO', () => {
  test('first SSO sign-in creates the user just in time and asks for the rest of the profile', { tag: '@smoke' }, async ({ page, context }, testInfo) => {
    const person = ssoPerson[testInfo.project.name as keyof typeof ssoPerson];
    const callbacks: string[] = [];
    page.on('request', (request) => request.url().includes('/api/auth/callback/oidc') && callbacks.push(request.url()));

    await signInWithSso(page, person.login);
    await expect(page).toHaveURL('/onboarding');
    // Pre-filled from the IdP: name, email and the department claim.
    await expect(page.getByLabel('姓名')).toHaveValue(person.name);
    await expect(page.getByLabel('邮箱')).toHaveValue(`${person.login}@sso.example.com`);
    await expect(page.getByLabel('所属部门').locator('option:checked')).toHaveText('市场部');
    const save = page.getByRole('button', { name: '完成并进入工作台' });
    await expectHydrated(save);
    await page.getByLabel('联系电话').fill('021-5555-0101');
    await save.click();
    await expect(page.getByTestId('greeting')).toHaveText(`你好，${person.name}`);

    // Signing out ends the session at the IdP too, so signing in again asks for the login there;
    // it finds the same account, with no second onboarding.
    await signOutFromMenu(page);
    await confirmIdentityProviderLogout(page);
    await expect(page).toHaveURL('/sign-in?signedOut=1');
    await expect(page.getByTestId('signed-out')).toHaveText('你已退出登录。');
    await page.getByRole('button', { name: SSO_BUTTON }).click();
    await expect(page.locator('input[name="login"]')).toBeVisible();
    await passIdentityProvider(page, person.login);
    await expect(page.getByTestId('greeting')).toHaveText(`你好，${person.name}`);

    // Replaying a used callback (its state and PKCE verifier are spent) signs nobody in.
    await context.clearCookies();
    expect(callbacks.length).toBeGreaterThan(0);
    await page.goto(callbacks[0]!);
    await expect(page).toHaveURL(/\/sign-in\?/);
    await expect(page.getByTestId('form-error')).toHaveText('企业统一身份登录未完成，请重试。');
  });

  test('a tampered state is refused with a clear message', async ({ page }, testInfo) => {
    // Redirects cannot be intercepted, so take the last IdP step (the consent form) by hand:
    // follow its redirects with the browser's cookies and send the browser to the app's callback
    // with a state that is not the one the app issued.
    await page.route(
      (url) => url.port === IDP_PORT && url.pathname.startsWith('/interaction/'),
      async (route) => {
        if (!route.request().postData()?.includes('prompt=consent')) return route.continue();
        let response = await route.fetch({ maxRedirects: 0 });
        let location = response.headers()['location'];
        while (location && !location.includes('/api/auth/callback/oidc')) {
          const next = new URL(location, route.request().url()).toString();
          const hop = await page.context().request.get(next, { maxRedirects: 0 });
          location = hop.headers()['location'];
          response = hop as typeof response;
        }
        const callback = new URL(location!);
        callback.searchParams.set('state', `${callback.searchParams.get('state')}tampered`);
        await route.fulfill({ status: 303, headers: { location: callback.toString() } });
      },
    );
    await signInWithSso(page, `sso.tamper-${testInfo.project.name}`);
    await expect(page).toHaveURL(/\/sign-in\?/);
    await expect(page.getByTestId('form-error')).toHaveText('企业统一身份登录未完成，请重试。');
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('an error sent back by the identity provider shows a message, not a crash', async ({ page }) => {
    await page.goto('/api/auth/callback/oidc?error=access_denied&error_description=User%20cancelled');
    await expect(page).toHaveURL(/\/sign-in\?/);
    await expect(page.getByTestId('form-error')).toHaveText('企业统一身份登录未完成，请重试。');
  });

  test('an identity without an email address is refused and explained', async ({ page }, testInfo) => {
    await signInWithSso(page, `noemail-${testInfo.project.name}`);
    await expect(page).toHaveURL(/\/sign-in\?error=sso_no_email/);
    await expect(page.getByTestId('form-error')).toContainText('企业身份没有提供邮箱');
  });
});
