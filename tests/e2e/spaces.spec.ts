import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { expectHydrated, signIn, userFor, type UserRole } from './fixtures';

const pinyinInitials = { desktop: 'hy', phone: 'dj' } as const; // 何勇, 董洁: the observers

/** A second person in their own browser session. */
async function signInElsewhere(browser: Browser, testInfo: TestInfo, role: UserRole): Promise<Page> {
  const context = await browser.newContext({ ...testInfo.project.use, baseURL: testInfo.project.use.baseURL });
  const page = await context.newPage();
  await signIn(page, userFor(testInfo, role).email);
  return page;
}

test('a space from the product-launch template: invite, change a role, observers read only, outsiders see nothing, archive freezes it', { tag: '@smoke' }, async ({ page, browser }, testInfo) => {
  test.setTimeout(90_000);
  const project = testInfo.project.name as 'desktop' | 'phone';
  const creator = userFor(testInfo, 'spaceCreator');
  const observer = userFor(testInfo, 'spaceObserver');
  await signIn(page, creator.email);

  // Create from the template: departments are suggested from its hints; keep exactly three.
  await page.goto('/spaces/new');
  await page.getByRole('link', { name: /新产品上线/ }).click();
  await expect(page.getByTestId('template-preview')).toContainText('“新产品上线”模板包含的内容');
  const form = page.getByTestId('space-form');
  await expectHydrated(form.getByRole('button', { name: '创建空间' }));
  await expect(form.getByLabel('协作目标')).toHaveValue(/新产品研发与上市准备/);
  await expect(form.getByRole('checkbox', { name: '产品部', exact: true })).toBeChecked();
  await form.getByRole('checkbox', { name: '销售部', exact: true }).uncheck();
  const departments = ['产品部', '研发部', '市场部'];
  for (const name of departments) await expect(form.getByRole('checkbox', { name, exact: true })).toBeChecked();
  // A refusal keeps what was chosen.
  await form.getByRole('button', { name: '创建空间' }).click();
  await expect(form.getByText('此项为必填项')).toBeVisible();
  await expect(form.getByRole('checkbox', { name: '研发部', exact: true })).toBeChecked();
  const name = `新品上市-${project}-${Date.now()}`;
  await form.getByLabel('空间名称').fill(name);
  await form.getByRole('button', { name: '创建空间' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const spaceUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId('space-departments').getByRole('listitem')).toHaveText(departments);

  // Invite the sales department from the tree, then the observer found by pinyin initials.
  await page.getByRole('link', { name: '成员', exact: true }).click();
  await page.getByText('邀请成员').click();
  const invite = page.getByTestId('add-members-form');
  await expectHydrated(invite.getByRole('button', { name: '邀请' }));
  await invite.getByRole('checkbox', { name: '销售部', exact: true }).check();
  await invite.getByRole('button', { name: '邀请' }).click();
  await expect(invite.getByTestId('form-success')).toHaveText('已添加 3 名成员。');
  await invite.getByRole('searchbox').fill(pinyinInitials[project]);
  await invite.getByRole('checkbox', { name: new RegExp(observer.name) }).check();
  await invite.getByLabel('角色').selectOption('observer');
  await invite.getByRole('button', { name: '邀请' }).click();
  await expect(invite.getByTestId('form-success')).toHaveText('已添加 1 名成员。');

  const rows = page.getByTestId('member-row');
  await expect(rows).toHaveCount(5);
  await expect(page.getByLabel(`${observer.name} 的角色`)).toHaveValue('observer');
  // The select saves on change; wait for the save before reloading.
  const saved = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith('/members'));
  await page.getByLabel('徐婷 的角色').selectOption('owner');
  await saved;
  await page.reload();
  await expect(page.getByLabel('徐婷 的角色')).toHaveValue('owner');

  // The observer reads, with no controls, and has no settings; an outsider finds nothing.
  const observerPage = await signInElsewhere(browser, testInfo, 'spaceObserver');
  await observerPage.goto(`${spaceUrl}/members`);
  await expect(observerPage.getByTestId('member-row')).toHaveCount(5);
  await expect(observerPage.getByRole('combobox')).toHaveCount(0);
  await expect(observerPage.getByText('邀请成员')).toHaveCount(0);
  await expect(observerPage.getByRole('link', { name: '设置', exact: true })).toHaveCount(0);
  expect((await observerPage.goto(`${spaceUrl}/settings`))?.status()).toBe(404);
  await expect(observerPage.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  await observerPage.context().close();

  const outsiderPage = await signInElsewhere(browser, testInfo, 'spaceOutsider');
  expect((await outsiderPage.goto(spaceUrl))?.status()).toBe(404);
  await expect(outsiderPage.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  await expect(outsiderPage.getByText(name)).toHaveCount(0);
  await outsiderPage.context().close();

  // Archive without a retrospective (admins may, after confirming): the space turns read-only, with every edit control gone.
  await page.goto(`${spaceUrl}/settings`);
  await expect(page.getByTestId('close-retro-status')).toContainText('复盘尚未完成');
  const archive = page.getByRole('button', { name: '仍然归档' });
  await expectHydrated(archive);
  page.once('dialog', (dialog) => dialog.accept());
  await archive.click();
  await expect(page.getByTestId('archived-badge')).toBeVisible();
  await expect(page.getByTestId('space-form')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '恢复' })).toBeVisible();
  await expect(page.getByTestId('space-audit')).toContainText('归档了空间');
  await page.goto(`${spaceUrl}/members`);
  await expect(page.getByTestId('member-row')).toHaveCount(5);
  await expect(page.getByRole('combobox')).toHaveCount(0);
  await expect(page.getByText('邀请成员')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /移出空间/ })).toHaveCount(0);

  // Writes through the API are refused too, with the reason.
  const rename = await page.request.patch(`/api/v1${spaceUrl}`, { data: { name: '归档后改名' } });
  expect(rename.status()).toBe(403);
  expect((await rename.json()).error.message).toContain('已归档');
  const leave = await page.request.delete(`/api/v1${spaceUrl}/members/${(await page.request.get('/api/v1/me').then((r) => r.json())).user.id}`);
  expect(leave.status()).toBe(403);
});
