import { expect, test, type Page } from '@playwright/test';
import { expectHydrated, signIn, userFor } from './fixtures';

/** A Chinese word no other run has used: digits of the time as Chinese numerals. */
const uniqueWord = () => `巡检${String(Date.now()).slice(-6).replace(/\d/g, (d) => '零一二三四五六七八九'[Number(d)]!)}`;

/** A space of the signed-in user with a task and a chat message both naming `word`. */
async function seedSpace(page: Page, word: string) {
  const me = (await (await page.request.get('/api/v1/me')).json()).user;
  const space = await page.request.post('/api/v1/spaces', {
    data: { name: `搜索-${Date.now()}`, goal: '找得到', startDate: '2026-11-01', endDate: '2027-03-31', departmentIds: [me.departmentId], adminIds: [me.id] },
  });
  expect(space.status()).toBe(201);
  const spaceId = (await space.json()).space.id as string;
  const task = await page.request.post(`/api/v1/spaces/${spaceId}/tasks`, { data: { name: `机房${word}方案`, dueDate: '2026-12-20', assigneeId: me.id } });
  expect(task.status()).toBe(201);
  const channels = (await (await page.request.get(`/api/v1/spaces/${spaceId}/channels`)).json()).data as { id: string }[];
  const message = await page.request.post(`/api/v1/channels/${channels[0]!.id}/messages`, { data: { body: `明天讨论${word}的安排` } });
  expect(message.status()).toBe(201);
  return { spaceId, taskId: (await task.json()).task.id as string };
}

test('search: Ctrl+K opens the palette, a Chinese word finds the task, Enter opens it; the search page filters by type', { tag: '@smoke' }, async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await signIn(page, userFor(testInfo, 'spaceCreator').email);
  const word = uniqueWord();
  const { spaceId, taskId } = await seedSpace(page, word);

  await expectHydrated(page.getByTestId('open-palette'));
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: '快速跳转' });
  await expect(palette).toBeVisible();
  const input = palette.getByRole('combobox');
  await expect(input).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();

  await page.keyboard.press('Control+k');
  await input.fill(word);
  const hit = palette.getByRole('option', { name: new RegExp(`机房${word}方案`) });
  await expect(hit).toBeVisible();
  // Arrow down to the hit (pages and spaces that match come first), then open it with Enter.
  for (let i = 0; i < 10 && (await hit.getAttribute('aria-selected')) !== 'true'; i++) await input.press('ArrowDown');
  await expect(hit).toHaveAttribute('aria-selected', 'true');
  await input.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/spaces/${spaceId}/tasks/${taskId}$`));
  await expect(page.getByRole('heading', { name: new RegExp(`机房${word}方案`) })).toBeVisible();

  await page.goto(`/search?q=${encodeURIComponent(word)}`);
  const results = page.getByTestId('search-hit');
  await expect(results).toHaveCount(2);
  await expect(page.getByTestId('search-results').locator('mark').first()).toHaveText(word);
  await page.getByTestId('search-tabs').getByRole('link', { name: /任务/ }).click();
  await expect(page).toHaveURL(/type=task/);
  await expect(results).toHaveCount(1);
  await expect(results.first()).toHaveAttribute('data-type', 'task');
  await page.getByTestId('search-tabs').getByRole('link', { name: /消息/ }).click();
  await expect(results).toHaveCount(1);
  await expect(results.first()).toHaveAttribute('data-type', 'message');
});
