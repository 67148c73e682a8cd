import { expect, test } from '@playwright/test';
import { expectHydrated } from './fixtures';

// The main app signs in with DingTalk against tests/e2e/platform-server.ts, whose authorisation
// page approves at once as 丁晓婷 (what the DingTalk client does silently). Redirects only: once is enough.
test.skip(({ isMobile }) => isMobile, 'no phone layout involved: once is enough');

const DINGTALK_CLIENT = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 DingTalk(7.6.0) Bundle/com.laiwang.DingTalk';

test.describe('Sign-in with DingTalk', () => {
  test('the 钉钉登录 button signs a member in just in time and asks for the rest of the profile', async ({ page }) => {
    const callbacks: string[] = [];
    page.on('request', (request) => request.url().includes('/api/auth/callback/dingtalk') && callbacks.push(request.url()));
    await page.goto('/sign-in');
    const button = page.getByRole('button', { name: '钉钉登录' });
    await expectHydrated(button);
    await button.click();
    await expect(page).toHaveURL('/onboarding');
    await expect(page.getByLabel('姓名')).toHaveValue('丁晓婷');
    await expect(page.getByLabel('邮箱')).toHaveValue('ding.xiaoting@dingtalk.example.com');
    // DingTalk sent the code as `authCode`, which the app read.
    expect(callbacks.some((url) => new URL(url).searchParams.has('authCode'))).toBe(true);
  });

  test('inside the DingTalk client the sign-in starts by itself, with a way back to the other methods', async ({ browser }) => {
    const context = await browser.newContext({ userAgent: DINGTALK_CLIENT });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await expect(page).toHaveURL('/onboarding');
    await expect(page.getByLabel('姓名')).toHaveValue('丁晓婷');

    await context.clearCookies();
    await page.goto('/sign-in?methods=1');
    await expect(page.getByRole('button', { name: '钉钉登录' })).toBeVisible();
    await expect(page.getByTestId('platform-in-client')).toHaveCount(0);
    await expect(page).toHaveURL(/\/sign-in\?methods=1/);
    await context.close();
  });
});
