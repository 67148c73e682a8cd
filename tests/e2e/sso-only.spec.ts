import { expect, test } from '@playwright/test';
import { confirmIdentityProviderLogout, expectHydrated, IDP_PORT, passIdentityProvider, ssoOnlyURL, signOutFromMenu } from './fixtures';

// An installation with AUTH_LOCAL_ENABLED=0 and nothing in it yet: no organisation, no departments.
test.use({ baseURL: ssoOnlyURL });

// Redirects only: the same on every screen.
test.skip(({ isMobile }) => isMobile, 'no phone layout involved: once is enough');

test('with local sign-in off the app goes straight to SSO, and signing out does not bounce back in', async ({ page }, testInfo) => {
  const appPages: string[] = [];
  page.on('framenavigated', (frame) => frame === page.mainFrame() && !frame.url().includes(`:${IDP_PORT}/`) && appPages.push(frame.url()));

  await page.goto('/');
  await page.waitForURL((url) => url.port === IDP_PORT);
  // The sign-in page never offered a password form: it handed over to the IdP at once.
  expect(appPages.some((url) => url.includes('/sign-in'))).toBe(true);
  await passIdentityProvider(page, `only.${testInfo.project.name}`);

  // Onboarding: no departments exist yet, so name and contact are enough.
  await expect(page).toHaveURL('/onboarding');
  await expect(page.getByTestId('no-departments')).toBeVisible();
  const save = page.getByRole('button', { name: '完成并进入工作台' });
  await expectHydrated(save);
  await page.getByLabel('联系电话').fill('13900001111');
  await save.click();
  await expect(page.getByTestId('greeting')).toBeVisible();

  await signOutFromMenu(page);
  await confirmIdentityProviderLogout(page);
  await expect(page).toHaveURL('/sign-in?signedOut=1');
  await expect(page.getByTestId('signed-out')).toBeVisible();
  const ssoButton = page.getByRole('button', { name: '使用测试身份中心登录' });
  await expectHydrated(ssoButton);
  await expect(page.locator('input[type="password"]')).toHaveCount(0);
  // It stays here (no automatic redirect) until the user asks to sign in again.
  await page.waitForTimeout(500);
  await expect(page).toHaveURL('/sign-in?signedOut=1');
  await ssoButton.click();
  await expect(page.locator('input[name="login"]')).toBeVisible();
});
