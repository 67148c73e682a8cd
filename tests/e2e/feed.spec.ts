import { expect, test } from '@playwright/test';
import { expectHydrated, me, projectContextOptions, signIn, userFor } from './fixtures';


test('announcements: a lead posts one, the member hears of it live and acknowledges it, the lead sees who has not', { tag: '@smoke' }, async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const contextOptions = projectContextOptions(testInfo);
  const [leadContext, memberContext, silentContext] = await Promise.all([1, 2, 3].map(() => browser.newContext(contextOptions)));
  const a = await leadContext!.newPage();
  const b = await memberContext!.newPage();
  const c = await silentContext!.newPage();
  const lead = userFor(testInfo, 'chatAuthor');
  const member = userFor(testInfo, 'chatReader');
  const silent = userFor(testInfo, 'spaceObserver');
  await signIn(a, lead.email);
  await signIn(b, member.email);
  await signIn(c, silent.email);
  const [aMe, bMe, cMe] = await Promise.all([me(a), me(b), me(c)]);
  await silentContext!.close();
  const created = await a.request.post('/api/v1/spaces', {
    data: {
      name: `公告-${testInfo.project.name}-${Date.now()}`, goal: '筹备发布会', startDate: '2026-11-01', endDate: '2027-03-31',
      departmentIds: [aMe.departmentId], adminIds: [aMe.id], memberIds: [bMe.id, cMe.id],
    },
  });
  expect(created.status()).toBe(201);
  const spaceId = (await created.json()).space.id;

  // B starts with nothing unread and keeps a page open.
  expect((await b.request.post('/api/v1/notifications/read-all')).ok()).toBe(true);
  await b.goto(`/spaces/${spaceId}/feed`);
  await expect(b.getByTestId('notification-bell')).toHaveAttribute('aria-label', '通知');
  await expect(b.getByText('暂无公告')).toBeVisible();

  // A posts the announcement from the feed page.
  await a.goto(`/spaces/${spaceId}/feed`);
  const form = a.getByTestId('announcement-form');
  await expectHydrated(form.getByRole('button', { name: '发布公告' }));
  await form.getByRole('button', { name: '发布公告' }).click();
  await expect(form.getByText('必填').first()).toBeVisible();
  await form.getByLabel('标题').fill('发布会改期至 12 月 18 日');
  await form.getByLabel('内容').fill('请各部门据此**调整计划**');
  await form.getByLabel('置顶').check();
  await form.getByRole('button', { name: '发布公告' }).click();
  await expect(a.getByTestId('announcement')).toContainText('发布会改期至 12 月 18 日');
  await expect(a.getByTestId('feed-list')).toContainText('发布了公告「发布会改期至 12 月 18 日」');

  // B's bell counts it without a reload; the announcement appears on B's open page.
  await expect(b.getByTestId('notification-count')).toHaveText('1');
  await expect(b.getByTestId('announcement')).toContainText('发布会改期至 12 月 18 日');
  await expect(b.getByTestId('announcement').locator('strong')).toHaveText('调整计划');
  const acknowledge = b.getByTestId('announcement').getByRole('button', { name: '确认已读' });
  await expectHydrated(acknowledge);
  await acknowledge.click();
  await expect(b.getByTestId('announcement')).toContainText('已确认');

  // The notification centre lists it; opening it reads it and leads to the announcement.
  await b.goto('/notifications');
  await b.getByTestId('notification-list').getByRole('link').first().click();
  await expect(b).toHaveURL(new RegExp(`/spaces/${spaceId}/feed`));
  await expect(b.getByTestId('notification-bell')).toHaveAttribute('aria-label', '通知');

  // A follows up: who acknowledged, who has not.
  await a.reload();
  await a.getByTestId('ack-progress').click();
  await expect(a.getByTestId('ack-done')).toContainText(member.name);
  await expect(a.getByTestId('ack-pending')).toContainText(silent.name);
  await expect(a.getByTestId('ack-pending')).not.toContainText(member.name);
});

test('reminder settings: an admin sets the daily digest and adds a group robot; bad input is refused on the field', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'an admin form checked on the server: once is enough');
  const admin = userFor(testInfo, 'spaceCreator');
  await signIn(page, admin.email);
  const mine = await me(page);
  const created = await page.request.post('/api/v1/spaces', {
    data: { name: `提醒-${testInfo.project.name}-${Date.now()}`, goal: '每日提醒', startDate: '2026-11-01', endDate: '2027-03-31', departmentIds: [mine.departmentId], adminIds: [mine.id] },
  });
  const spaceId = (await created.json()).space.id;
  await page.goto(`/spaces/${spaceId}/settings`);
  await page.getByTestId('delivery-settings-link').click();

  const digest = page.getByTestId('digest-form');
  await expectHydrated(digest.getByRole('button', { name: '保存提醒设置' }));
  for (const day of ['周一', '周二', '周三', '周四', '周五']) await digest.getByLabel(day).uncheck();
  await digest.getByRole('button', { name: '保存提醒设置' }).click();
  await expect(digest.getByText('至少选择一天')).toBeVisible();
  await digest.getByLabel('周三').check();
  await digest.getByRole('button', { name: '保存提醒设置' }).click();
  await expect(digest.getByTestId('form-success')).toHaveText('提醒设置已保存。');
  await page.reload();
  await expect(page.getByTestId('digest-form').getByLabel('周三')).toBeChecked();
  await expect(page.getByTestId('digest-form').getByLabel('周一')).not.toBeChecked();

  const robot = page.getByTestId('webhook-form');
  await expectHydrated(robot.getByRole('button', { name: '添加机器人' }));
  await robot.getByLabel('名称').fill('项目群');
  await robot.getByLabel('Webhook 地址').fill('http://169.254.169.254/latest/meta-data');
  await robot.getByRole('button', { name: '添加机器人' }).click();
  await expect(robot.getByText('不能发送到这个地址', { exact: false })).toBeVisible();
  await robot.getByLabel('Webhook 地址').fill('http://127.0.0.1:9/robot/send?access_token=demo');
  await robot.getByLabel('签名密钥（加签，可选）').fill('SEC123');
  await robot.getByRole('button', { name: '添加机器人' }).click();
  await expect(page.getByTestId('robot-list')).toContainText('项目群');
  await expect(page.getByTestId('robot-list')).toContainText('已加签');
  await expect(page.getByTestId('robot-list')).not.toContainText('access_token');
});
