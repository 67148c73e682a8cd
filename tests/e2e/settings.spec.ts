import { expect, test } from '@playwright/test';
import { expectHydrated, openUserMenu, signIn, submitSignIn, userFor } from './fixtures';

test.describe('First sign-in', () => {
  test('a new hire completes the profile before anything else, and the shell then shows the department', async ({ page }, testInfo) => {
    const user = userFor(testInfo, 'onboarding');
    await submitSignIn(page, user.email);
    await expect(page).toHaveURL('/onboarding');
    await expect(page.getByRole('heading', { name: '完善个人资料' })).toBeVisible();
    // The workspace stays closed until the profile is complete.
    await page.goto('/settings');
    await expect(page).toHaveURL('/onboarding');

    const save = page.getByRole('button', { name: '完成并进入工作台' });
    await expectHydrated(save);
    await expect(page.getByLabel('姓名')).toHaveValue(user.name);
    await page.getByLabel('联系电话').fill('电话号码');
    await save.click();
    await expect(page.getByText('请输入有效的电话号码', { exact: false })).toBeVisible();
    await expect(page.getByText('此项为必填项')).toBeVisible(); // the department
    // What was typed is still there after the refusal.
    await expect(page.getByLabel('联系电话')).toHaveValue('电话号码');

    await page.getByLabel('所属部门').selectOption({ label: '\u3000测试组' });
    await page.getByLabel('联系电话').fill('+86 139 0000 0000');
    await page.getByRole('button', { name: '完成并进入工作台' }).click();

    await expect(page.getByTestId('greeting')).toHaveText(`你好，${user.name}`);
    const menu = await openUserMenu(page);
    await expect(menu.getByTestId('current-department')).toHaveText('测试组');
  });
});

test.describe('Personal settings', () => {
  test('favourite departments and the language change everywhere at once', { tag: '@smoke' }, async ({ page }, testInfo) => {
    const user = userFor(testInfo, 'settings');
    await signIn(page, user.email);
    await page.goto('/settings');

    const favorites = page.locator('section#favorites');
    await expectHydrated(favorites.getByRole('button', { name: '保存' }));
    await favorites.getByLabel('法务部').check();
    await favorites.getByLabel('前端开发组').check();
    await favorites.getByRole('button', { name: '保存' }).click();
    await expect(favorites.getByTestId('form-success')).toHaveText('已保存。');

    const pinned = page.getByTestId('favorite-departments');
    if (testInfo.project.name === 'phone') await page.getByRole('button', { name: '打开导航' }).click();
    await expect(pinned.getByRole('listitem')).toHaveText(['前端开发组', '法务部']);
    if (testInfo.project.name === 'phone') await page.keyboard.press('Escape');

    const preferences = page.locator('section#preferences');
    await preferences.getByLabel('语言').selectOption('en');
    await preferences.getByLabel('全员消息').check();
    await preferences.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('section#preferences').getByLabel('All messages')).toBeChecked();

    // Back to Chinese for the next run of this user.
    await page.locator('section#preferences').getByLabel('Language').selectOption('zh-CN');
    await page.locator('section#preferences').getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('heading', { name: '个人设置', level: 1 })).toBeVisible();
    await expect(page.locator('section#favorites').getByLabel('法务部')).toBeChecked();
  });

  test('a personal access token is shown once, works for the API, and stops working when revoked', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'a token works the same from every screen');
    const user = userFor(testInfo, 'settings');
    await signIn(page, user.email);
    await page.goto('/settings');
    const tokens = page.locator('section#tokens');
    const name = `脚本-${testInfo.project.name}-${Date.now()}`;
    await expectHydrated(tokens.getByRole('button', { name: '创建令牌' }));
    await tokens.getByLabel('令牌名称').fill(name);
    await tokens.getByRole('button', { name: '创建令牌' }).click();
    const value = await tokens.getByLabel('新令牌').inputValue();
    expect(value).toMatch(/^xz_pat_/);

    // A bearer token decides on its own: the session cookie sent alongside is not consulted.
    const me = await page.request.get('/api/v1/me', { headers: { authorization: `Bearer ${value}` } });
    expect(me.status()).toBe(200);
    expect((await me.json()).user.email).toBe(user.email);

    await tokens.getByRole('button', { name: `吊销令牌“${name}”` }).click();
    await expect(tokens.getByRole('listitem').filter({ hasText: name })).toContainText('已吊销');
    const after = await page.request.get('/api/v1/me', { headers: { authorization: `Bearer ${value}` } });
    expect(after.status()).toBe(401);
  });
});

test.describe('Avatar', () => {
  test('uploading a picture shows it in the settings and the user menu; removing it brings the initials back', { tag: '@smoke' }, async ({ page }, testInfo) => {
    const user = userFor(testInfo, 'settings');
    await signIn(page, user.email);
    await page.goto('/settings');
    const form = page.getByTestId('avatar-form');
    const picker = form.locator('input[type=file]');
    await expectHydrated(form.getByText('上传头像'));

    // A file named like an image but holding text is refused with the reason.
    await picker.setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: Buffer.from('plain text') });
    await expect(form.getByTestId('avatar-error')).toHaveText('请选择 JPG、PNG、WebP、GIF 或 AVIF 图片');

    await picker.setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: redPixelPng });
    const picture = form.locator('img');
    await expect(picture).toHaveAttribute('src', /^\/api\/avatars\/.+\.webp$/);
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(256);
    await expect(page.getByRole('banner').locator('img')).toHaveAttribute('src', (await picture.getAttribute('src'))!);

    await form.getByRole('button', { name: '移除头像' }).click();
    await expect(form.locator('img')).toHaveCount(0);
  });
});

// A 1×1 red PNG; the server scales it up to the 256 px square.
const redPixelPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
