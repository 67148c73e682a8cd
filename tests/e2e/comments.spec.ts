import { expect, test } from '@playwright/test';
import { expectHydrated, me, projectContextOptions, signIn, userFor } from './fixtures';


test('comments: A mentions B on a task, B sees 待回复 and replies, A sees the reply live', { tag: '@smoke' }, async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const contextOptions = projectContextOptions(testInfo);
  const [aContext, bContext] = await Promise.all([1, 2].map(() => browser.newContext(contextOptions)));
  const a = await aContext!.newPage();
  const b = await bContext!.newPage();
  const author = userFor(testInfo, 'chatAuthor');
  const reader = userFor(testInfo, 'chatReader');
  await signIn(a, author.email);
  await signIn(b, reader.email);
  const [aMe, bMe] = await Promise.all([me(a), me(b)]);
  const created = await a.request.post('/api/v1/spaces', {
    data: {
      name: `评论-${testInfo.project.name}-${Date.now()}`, goal: '确认包装方案', startDate: '2026-11-01', endDate: '2027-03-31',
      departmentIds: [aMe.departmentId], adminIds: [aMe.id], memberIds: [bMe.id],
    },
  });
  expect(created.status()).toBe(201);
  const spaceId = (await created.json()).space.id;
  const task = await a.request.post(`/api/v1/spaces/${spaceId}/tasks`, { data: { name: '确认包装设计稿', dueDate: '2026-12-20', assigneeId: aMe.id } });
  expect(task.status()).toBe(201);
  const taskId = (await task.json()).task.id;
  const taskUrl = `/spaces/${spaceId}/tasks/${taskId}`;

  // A writes a comment mentioning B, picked from the @ list.
  await a.goto(taskUrl);
  const composer = a.getByTestId('comment-composer').getByRole('combobox');
  await expectHydrated(composer);
  await composer.click();
  await composer.pressSequentially(`请 @${reader.name.slice(0, 1)}`);
  await a.getByRole('option', { name: reader.name }).click();
  await composer.pressSequentially('确认颜色 <script>x</script>');
  await composer.press('Enter');
  const thread = a.getByTestId('comment-thread');
  await expect(thread.getByTestId('comment')).toContainText(`@${reader.name}`);
  await expect(thread.getByTestId('comment')).toContainText(`等待 ${reader.name} 回复`);
  await expect(thread.getByTestId('comment-body')).toContainText('<script>x</script>');

  // B finds it in 待回复 and on the task page, with the time left, and replies in the thread.
  await b.goto('/awaiting');
  await expect(b.getByTestId('awaiting-item')).toContainText('确认包装设计稿');
  await b.getByTestId('awaiting-item').getByRole('link', { name: '确认包装设计稿' }).click();
  await expect(b).toHaveURL(new RegExp(`${taskUrl}#comment-`));
  await expect(b.getByTestId('await-badge')).toHaveText(/待回复 · 剩余 2[34] 小时/);
  await expect(b.getByTestId('comment-thread').getByRole('button', { name: '处理完毕' })).toBeVisible();
  await b.getByTestId('comment-thread').screenshot({ path: testInfo.outputPath('awaiting-badge.png') });
  const toggle = b.getByTestId('reply-toggle');
  await expectHydrated(toggle);
  await toggle.click();
  const reply = b.getByTestId('reply-composer').getByRole('combobox');
  await reply.fill('颜色没问题，按 B 方案');
  await reply.press('Enter');
  await expect(b.getByTestId('comment-replies')).toContainText('颜色没问题');
  await expect(b.getByTestId('await-badge')).toHaveCount(0);

  // A's open page shows the reply without a reload, and no longer waits for B.
  await expect(a.getByTestId('comment-replies')).toContainText('颜色没问题，按 B 方案');
  await expect(thread.getByTestId('comment').first()).not.toContainText('等待');
  await a.screenshot({ path: testInfo.outputPath('task-comments.png'), fullPage: true });

  await b.goto('/awaiting');
  await expect(b.getByText('没有等待你回复的评论。')).toBeVisible();
});
