import { expect, test, type Page } from '@playwright/test';
import { expectHydrated, me, projectContextOptions, signIn, userFor } from './fixtures';


/** A message typed into the open chat's composer and sent with Enter. */
async function typeMessage(page: Page, text: string) {
  const box = page.getByTestId('composer').getByRole('combobox');
  await expectHydrated(box);
  await box.fill(text);
  await box.press('Enter');
}

test('chat: a message arrives live with an unread badge, is read with a receipt, and nothing is lost offline', { tag: '@smoke' }, async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const phone = testInfo.project.name === 'phone';
  // Two people, each in a browser of their own, shaped like the project's (desktop or phone).
  const contextOptions = projectContextOptions(testInfo);
  const authorContext = await browser.newContext(contextOptions);
  const readerContext = await browser.newContext(contextOptions);
  const a = await authorContext.newPage();
  const b = await readerContext.newPage();
  const author = userFor(testInfo, 'chatAuthor');
  const reader = userFor(testInfo, 'chatReader');
  await signIn(a, author.email);
  await signIn(b, reader.email);

  // A opens a space with B in it, and a second group chat for B to sit in.
  const [aMe, bMe] = await Promise.all([me(a), me(b)]);
  const created = await a.request.post('/api/v1/spaces', {
    data: { name: `群聊-${testInfo.project.name}-${Date.now()}`, goal: '筹备发布会', startDate: '2026-11-01', endDate: '2027-03-31', departmentIds: [aMe.departmentId], adminIds: [aMe.id], memberIds: [bMe.id] },
  });
  expect(created.status()).toBe(201);
  const spaceId = (await created.json()).space.id;
  const topic = await a.request.post(`/api/v1/spaces/${spaceId}/channels`, { data: { name: '发布会筹备' } });
  expect(topic.status()).toBe(201);
  const topicId = (await topic.json()).channel.id;
  const allId = (await (await a.request.get(`/api/v1/spaces/${spaceId}/channels`)).json()).data[0].id;

  await a.goto(`/spaces/${spaceId}/chat`);
  await expect(a.getByRole('heading', { name: '全员' })).toBeVisible();
  await b.goto(`/spaces/${spaceId}/chat/${topicId}`);
  await expect(b.getByRole('heading', { name: '发布会筹备' })).toBeVisible();
  await expectHydrated(b.getByTestId('composer').getByRole('combobox'));

  // A posts in 全员; B, in the other chat, sees the unread count appear without reloading.
  await typeMessage(a, '**发布会**场地已经确认，请大家查看预算');
  await expect(a.getByTestId('message').filter({ hasText: '场地已经确认' })).toBeVisible();
  const unread = (phone ? b.getByTestId('other-unread') : b.getByTestId('unread-badge')).filter({ visible: true });
  await expect(unread).toHaveText('1');

  // B opens 全员 and reads it; A sees the receipt turn to read by all.
  await expect(a.getByTestId('read-receipt').locator('summary')).toHaveText(/0 人已读 \/ 1 人未读/);
  await b.goto(`/spaces/${spaceId}/chat`);
  await expect(b.getByTestId('message').filter({ hasText: '场地已经确认' })).toBeVisible();
  await expect(a.getByTestId('read-receipt').locator('summary')).toHaveText('全部已读');

  // B drops off the network; A posts five messages; back online, B has each of them once.
  await expectHydrated(b.getByTestId('composer').getByRole('combobox'));
  await readerContext.setOffline(true);
  const burst = ['发布会彩排定在周三', '发布会物料清单已上传', '请确认发布会嘉宾名单', '发布会直播链路测试', '发布会当天分工表'];
  for (const text of burst) {
    const posted = await a.request.post(`/api/v1/channels/${allId}/messages`, { data: { body: text } });
    expect(posted.status()).toBe(201);
  }
  // Offline, nothing reaches B (so what follows is the reconnect's replay, not the live stream).
  await b.waitForTimeout(1000);
  await expect(b.getByTestId('message')).toHaveCount(1);
  await readerContext.setOffline(false);
  for (const text of burst) await expect(b.getByTestId('message').filter({ hasText: text })).toHaveCount(1, { timeout: 20_000 });
  await expect(b.getByTestId('message')).toHaveCount(6);

  // Chinese search finds them inside longer sentences and leads back into the conversation.
  await b.goto(`/spaces/${spaceId}/chat/search?q=${encodeURIComponent('发布会')}`);
  await expect(b.getByTestId('search-count')).toHaveText(/找到 6 条消息/);
  await expect(b.getByTestId('search-hit').first().locator('mark')).toHaveText('发布会');
  await b.getByTestId('search-hit').filter({ hasText: '物料清单' }).click();
  await expect(b.getByTestId('message').filter({ hasText: '物料清单' })).toHaveClass(/ring-amber/);

  await authorContext.close();
  await readerContext.close();
});

test('chat: typed script and links render as text; @ picks a member', async ({ page }, testInfo) => {
  const author = userFor(testInfo, 'chatAuthor');
  await signIn(page, author.email);
  const mine = await me(page);
  const created = await page.request.post('/api/v1/spaces', {
    data: { name: `安全-${testInfo.project.name}-${Date.now()}`, goal: '检查', startDate: '2026-11-01', endDate: '2027-03-31', departmentIds: [mine.departmentId], adminIds: [mine.id] },
  });
  const spaceId = (await created.json()).space.id;
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`/spaces/${spaceId}/chat`);
  const payloads = ['<script>alert(1)</script>', '<img src=x onerror=alert(2)>', '[点我](javascript:alert(3))', '<svg onload=alert(4)></svg>'];
  for (const payload of payloads) await typeMessage(page, payload);
  for (const payload of payloads) await expect(page.getByTestId('message').filter({ hasText: payload })).toHaveCount(1);
  await expect(page.getByTestId('message-list').locator('script, img[src="x"], svg[onload], a[href^="javascript"]')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('message')).toHaveCount(4);
  expect(dialogs).toEqual([]);

  // @ opens the member list; choosing 所有人 sends a mention of everyone, highlighted.
  const box = page.getByTestId('composer').getByRole('combobox');
  await expectHydrated(box);
  await box.fill('请 @');
  await expect(page.getByRole('listbox')).toBeVisible();
  await box.press('Enter');
  await box.press('End');
  await box.pressSequentially('看一下');
  await box.press('Enter');
  await expect(page.getByTestId('mention-me').last()).toHaveText('@所有人');
});
