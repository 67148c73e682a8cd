import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { expectHydrated, openUserMenu, signIn, userFor } from './fixtures';

/** How much wider than the window the page is, in CSS pixels (0: no sideways scrolling). */
function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
}

/** Every test here starts in the workspace, signed in (after its describe block's skip rule). */
async function signInAsReader({ page }: { page: Page }, testInfo: TestInfo): Promise<void> {
  await signIn(page, userFor(testInfo, 'reader').email);
}

test.describe('On a phone', () => {
  test.skip(({ isMobile }) => !isMobile, 'the phone layout');
  test.beforeEach(signInAsReader);

  test('the navigation is a drawer behind the menu button, and Escape closes it', async ({ page }) => {
    const nav = page.locator('#app-nav');
    const openButton = page.getByRole('button', { name: '打开导航' });
    await expect(openButton).toHaveAttribute('aria-expanded', 'false');
    await expect(nav).not.toBeInViewport();
    await expectHydrated(openButton);

    await openButton.click();

    const closeButton = page.getByRole('button', { name: '关闭导航' });
    await expect(closeButton).toHaveAttribute('aria-expanded', 'true');
    await expect(nav).toBeInViewport();
    await expect(nav.getByRole('link', { name: '工作台' })).toBeVisible();
    await expect(nav.getByTestId('spaces-empty')).toContainText('还没有协作空间');

    await page.keyboard.press('Escape');

    await expect(nav).not.toBeInViewport();
    await expect(openButton).toHaveAttribute('aria-expanded', 'false');
  });

  test('nothing is wider than a 390 px screen', async ({ page }) => {
    expect(page.viewportSize()?.width).toBe(390);
    await expect(page.getByTestId('greeting')).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    // Neither with the menus open, nor on the sign-in page.
    await openUserMenu(page);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByLabel('通知', { exact: true }).click();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await page.context().clearCookies();
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { name: '登录协作' })).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });
});

test.describe('On a desktop', () => {
  test.skip(({ isMobile }) => isMobile, 'the desktop layout');
  test.beforeEach(signInAsReader);

  test('the sidebar is always visible, without a menu button', async ({ page }) => {
    const nav = page.locator('#app-nav');
    await expect(nav).toBeInViewport();
    await expect(nav.getByRole('link', { name: '工作台' })).toBeVisible();
    await expect(nav.getByTestId('spaces-empty')).toContainText('还没有协作空间');
    await expect(page.getByRole('button', { name: '打开导航' })).toBeHidden();
  });
});

test.describe('In the header', () => {
  test.beforeEach(signInAsReader);

  test('the notification bell opens the notification centre', async ({ page }) => {
    const bell = page.getByTestId('notification-bell');
    await expect(bell).toHaveAttribute('aria-label', /^通知(，\d+ 条未读)?$/);
    await expect(bell).toBeInViewport({ ratio: 1 });
    await bell.click();
    await expect(page).toHaveURL(/\/notifications$/);
    await expect(page.getByRole('heading', { name: '通知中心' })).toBeVisible();
    await expect(page.getByRole('link', { name: '全部', exact: true })).toHaveAttribute('aria-current', 'page');
  });

  test('the account menu shows who is signed in', async ({ page }, testInfo) => {
    const user = userFor(testInfo, 'reader');
    const menu = await openUserMenu(page);
    await expect(menu.getByText(user.email)).toBeVisible();
    await expect(menu.getByText(user.name, { exact: true }).last()).toBeVisible();
    await expect(menu.getByRole('button', { name: '简体中文' })).toHaveAttribute('aria-pressed', 'true');
    await expect(menu.getByRole('button', { name: '退出登录' })).toBeVisible();
  });
});
