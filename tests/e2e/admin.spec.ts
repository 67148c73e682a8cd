import { expect, test } from '@playwright/test';
import { demoUsers, expectHydrated, signIn, signInForm, submitSignIn, userFor } from './fixtures';

// Account administration: the rules are the same on every screen, and the phone layout is covered by the shell tests.
test.skip(({ isMobile }) => isMobile, 'no phone layout involved: once is enough');

test.describe('Admin console', () => {
  test('an admin deactivates a user, who is signed out at once and refused at sign-in', { tag: '@smoke' }, async ({ page, browser }, testInfo) => {
    const admin = userFor(testInfo, 'admin');
    const victim = userFor(testInfo, 'deactivated');

    // The user to be deactivated is signed in elsewhere.
    const other = await browser.newContext({ ...testInfo.project.use, baseURL: testInfo.project.use.baseURL });
    const victimPage = await other.newPage();
    await signIn(victimPage, victim.email);

    await signIn(page, admin.email);
    await page.goto(`/admin/users?q=${encodeURIComponent(victim.name)}`);
    const row = page.getByTestId('user-list').getByRole('listitem').filter({ hasText: victim.email });
    const deactivate = row.getByRole('button', { name: `停用：${victim.name}` });
    await expectHydrated(deactivate);
    await deactivate.click();
    await expect(row).toContainText('已停用');

    await victimPage.reload();
    await expect(victimPage).toHaveURL(/\/sign-in/);
    await submitSignIn(victimPage, victim.email);
    await expect(signInForm(victimPage).error).toHaveText('邮箱或密码不正确。');
    await other.close();

    // Reactivate so the next run starts from the same place; the audit log shows both.
    await row.getByRole('button', { name: `启用：${victim.name}` }).click();
    await expect(row).not.toContainText('已停用');
    await page.goto('/admin/audit');
    await expect(page.getByTestId('audit-list').getByRole('listitem').first()).toContainText('user.activate');
  });

  test('the console shows the SSO callback URL to register, and is hidden from non-admins', async ({ page }, testInfo) => {
    await signIn(page, userFor(testInfo, 'admin').email);
    await page.goto('/admin/sso');
    await expect(page.getByTestId('callback-url')).toHaveText(`${testInfo.project.use.baseURL}/api/auth/callback/oidc`);
    await page.context().clearCookies();
    await signIn(page, demoUsers.zhangWei.email); // not an admin
    await page.goto('/admin/users');
    await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  });

  test('departments can be added, moved under another and refused when that makes a cycle', async ({ page }, testInfo) => {
    await signIn(page, userFor(testInfo, 'admin').email);
    await page.goto('/admin/departments');
    const name = `临时项目组-${testInfo.project.name}-${Date.now() % 100000}`;
    const add = page.getByRole('button', { name: '新建部门' });
    await expectHydrated(add);
    await page.getByLabel('部门名称', { exact: true }).fill(name);
    await page.getByLabel('上级部门').selectOption({ label: '研发部' });
    await add.click();
    const row = page.getByTestId('department-row').filter({ has: page.locator(`input[value="${name}"]`) });
    await expect(row).toBeVisible();

    // Moving 研发部 under its own new sub-department is refused with a message.
    const rd = page.getByTestId('department-row').filter({ has: page.locator('input[value="研发部"]') });
    await rd.getByLabel('把“研发部”移到').selectOption({ label: `\u3000${name}` });
    await rd.getByRole('button', { name: '移动' }).click();
    await expect(rd.getByTestId('action-error')).toContainText('不能把部门移到它自己或它的下级部门下面');

    await row.getByRole('button', { name: `删除“${name}”` }).click();
    await expect(row).toHaveCount(0);
  });
});

test.describe('Department tree by drag and drop', () => {
  test('a department is reordered with the keyboard drag handle, and the order is saved', async ({ page }, testInfo) => {
    await signIn(page, userFor(testInfo, 'admin').email);
    await page.goto('/admin/departments');
    const suffix = `${testInfo.project.name}-${Date.now() % 100000}`;
    const add = page.getByRole('button', { name: '新建部门' });
    await expectHydrated(add);
    for (const name of [`拖拽甲-${suffix}`, `拖拽乙-${suffix}`]) {
      await page.getByLabel('部门名称', { exact: true }).fill(name);
      await page.getByLabel('上级部门').selectOption({ label: '行政后勤部' });
      await page.getByRole('button', { name: '新建部门' }).click();
      await expect(page.locator(`input[value="${name}"]`)).toBeVisible();
    }
    const names = async () =>
      (await page.getByTestId('department-row').locator('input[name="name"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)))
        .filter((n) => n.endsWith(suffix));
    expect(await names()).toEqual([`拖拽甲-${suffix}`, `拖拽乙-${suffix}`]);

    // Space picks up, ArrowUp moves over the row above, Space drops; each step is announced to
    // screen readers, which is also how the test knows the step has happened.
    const handle = page.getByRole('button', { name: `拖动“拖拽乙-${suffix}”` });
    const announcer = page.locator('[id^="DndLiveRegion"]');
    await expectHydrated(handle);
    await handle.focus();
    await page.keyboard.press('Space');
    await expect(announcer).toContainText(`已拿起“拖拽乙-${suffix}”`);
    await page.keyboard.press('ArrowUp');
    await expect(announcer).toContainText(`“拖拽乙-${suffix}”移到了“拖拽甲-${suffix}”的位置`);
    await page.keyboard.press('Space');
    await expect(announcer).toContainText(`“拖拽乙-${suffix}”已放到“拖拽甲-${suffix}”的位置`);
    await expect.poll(names).toEqual([`拖拽乙-${suffix}`, `拖拽甲-${suffix}`]);
    await page.reload();
    expect(await names()).toEqual([`拖拽乙-${suffix}`, `拖拽甲-${suffix}`]);
  });
});

test.describe('Inviting a colleague', () => {
  test('the admin copies a one-time link; the colleague sets a password, signs in and completes the profile', async ({ page, browser }, testInfo) => {
    await signIn(page, userFor(testInfo, 'admin').email);
    await page.goto('/admin/users');
    await page.getByText('邀请同事').click();
    const email = `invitee-${testInfo.project.name}-${Date.now()}@demo.example.com`;
    const invite = page.getByRole('button', { name: '生成邀请链接' });
    await expectHydrated(invite);
    await page.getByLabel('邮箱').fill(email);
    await page.getByLabel('姓名').fill('温晓');
    await page.getByLabel('所属部门').selectOption({ label: '客服部' });
    await invite.click();
    const link = await page.getByLabel('邀请链接').inputValue();
    expect(link).toMatch(/\/invite\/[\w-]{40,}$/);

    const other = await browser.newContext({ ...testInfo.project.use });
    const newcomer = await other.newPage();
    await newcomer.goto(link);
    await expect(newcomer.getByText(`温晓（${email}），欢迎加入！`)).toBeVisible();
    const submit = newcomer.getByRole('button', { name: '设置密码' });
    await expectHydrated(submit);
    await newcomer.getByLabel('新密码').fill('welcome-2026');
    await newcomer.getByLabel('再次输入密码').fill('welcome-2027');
    await submit.click();
    await expect(newcomer.getByText('两次输入的密码不一致')).toBeVisible();
    await newcomer.getByLabel('新密码').fill('welcome-2026');
    await newcomer.getByLabel('再次输入密码').fill('welcome-2026');
    await newcomer.getByRole('button', { name: '设置密码' }).click();

    await expect(newcomer.getByTestId('form-success')).toHaveText('密码已设置，请登录。');
    await expect(newcomer.getByLabel('邮箱')).toHaveValue(email);
    await submitSignIn(newcomer, email, 'welcome-2026');
    await expect(newcomer).toHaveURL('/onboarding');
    await expect(newcomer.getByLabel('所属部门').locator('option:checked')).toHaveText('客服部');

    // The link is spent.
    await newcomer.goto(link);
    await expect(newcomer.getByTestId('form-error')).toContainText('邀请链接无效、已使用或已过期');
    await other.close();
  });
});
