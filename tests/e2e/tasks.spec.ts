import { expect, test, type Locator, type Page } from '@playwright/test';
import { buildSheet, TASK_SHEET_HEADERS } from '../support/task-sheet-builder';
import { expectHydrated, signIn, userFor } from './fixtures';

/** A fresh space of the signed-in user's own department, made through the API. */
async function createSpace(page: Page, name: string): Promise<string> {
  const me = (await (await page.request.get('/api/v1/me')).json()).user;
  const response = await page.request.post('/api/v1/spaces', {
    data: { name, goal: '按期交付', startDate: '2026-11-01', endDate: '2027-03-31', departmentIds: [me.departmentId], adminIds: [me.id] },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).space.id;
}

test('tasks: create one, block it from the board with an issue entry, track and resolve the issue', { tag: '@smoke' }, async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const creator = userFor(testInfo, 'spaceCreator');
  await signIn(page, creator.email);
  const spaceId = await createSpace(page, `任务-${testInfo.project.name}-${Date.now()}`);

  // A bad task is refused with every problem shown; a good one opens its page.
  await page.goto(`/spaces/${spaceId}/tasks/new`);
  const form = page.getByTestId('task-form');
  await expectHydrated(form.getByRole('button', { name: '创建任务' }));
  await form.getByLabel('开始日期').fill('2026-12-20');
  await form.getByLabel('截止日期').fill('2026-12-10');
  await form.getByRole('button', { name: '创建任务' }).click();
  await expect(form.getByText('此项为必填项')).toBeVisible();
  await expect(form.getByText('截止日期不能早于开始日期')).toBeVisible();
  await form.getByLabel('任务名称').fill('完成用户需求调研报告');
  await form.getByLabel('开始日期').fill('2026-12-01');
  await page.getByTestId('editor-deliveryStandard').locator('[contenteditable]').fill('覆盖 10 个重点客户');
  await form.getByRole('button', { name: '创建任务' }).click();
  await expect(page.getByRole('heading', { name: /完成用户需求调研报告/ })).toBeVisible();
  await expect(page.getByText('覆盖 10 个重点客户')).toBeVisible();
  await expect(page.getByTestId('task-assignee')).toHaveText(creator.name);

  if (testInfo.project.name === 'desktop') {
    // On the board, moving the card into 阻塞 asks for the issue entry first (dragged with the keyboard).
    await page.goto(`/spaces/${spaceId}/board`);
    const card = page.getByTestId('board-card-1');
    await expectHydrated(card);
    await card.focus();
    await page.keyboard.press('Space');
    // dnd-kit announces each step; wait for it so every key lands on a measured board.
    const announced = page.locator('[id^="DndLiveRegion"]');
    await expect(announced).toContainText('移动到「待开始」');
    // Arrow keys move between the droppable areas nearest to the right; step until over 阻塞.
    for (let i = 0; i < 8 && !(await announced.textContent())?.includes('阻塞'); i++) {
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(150);
    }
    await expect(announced).toContainText('移动到「阻塞」');
    await page.keyboard.press('Space');
    const dialog = page.getByTestId('move-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: '确认移动' }).click();
    await expect(dialog.getByText('请说明阻塞原因')).toBeVisible();
    await dialog.getByLabel('阻塞原因').fill('等待客户反馈');
    await dialog.getByLabel('解决方案').fill('联系客户部专员催办');
    await dialog.getByRole('button', { name: '确认移动' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('board-column-blocked').getByTestId('board-card-1')).toBeVisible();
    await expect(page.getByTestId('board-column-blocked').getByTestId('wip-count')).toHaveText('1');
  } else {
    // On a phone the task page's status control does the same, with the same rule.
    const control = page.getByTestId('task-status-control');
    await expectHydrated(control);
    await control.getByText('阻塞', { exact: true }).click();
    await control.getByRole('button', { name: '更新状态' }).click();
    await expect(control.getByText('请说明阻塞原因')).toBeVisible();
    await control.getByLabel('阻塞原因').fill('等待客户反馈');
    await control.getByLabel('解决方案').fill('联系客户部专员催办');
    await control.getByRole('button', { name: '更新状态' }).click();
    await expect(control.getByTestId('form-success')).toBeVisible();
  }

  // The entry is on the issue-tracking page until it is resolved; then the task is back in progress.
  await page.getByRole('link', { name: '问题跟踪' }).click();
  const entry = page.getByTestId('issue-list').getByTestId('issue-entry');
  await expect(entry).toContainText('等待客户反馈');
  await expect(entry).toContainText('联系客户部专员催办');
  await entry.getByText('记录解决情况').click();
  await entry.getByLabel('解决情况').fill('客户已确认需求');
  await entry.getByRole('button', { name: '标记为已解决' }).click();
  await expect(page.getByText('没有未解决的问题')).toBeVisible();
  await page.goto(`/spaces/${spaceId}`);
  await expect(page.getByTestId('count-in_progress')).toHaveText('1');
  await expect(page.getByTestId('count-open-issues')).toHaveText('0');
});

/** The card shows within its column's scrolled view (the page around the board may still need scrolling). */
async function expectInView(card: Locator, scroller: Locator) {
  await expect(card).toBeVisible();
  const [shown, view] = [(await card.boundingBox())!, (await scroller.boundingBox())!];
  expect(shown.y).toBeGreaterThanOrEqual(view.y - 1);
  expect(shown.y + shown.height).toBeLessThanOrEqual(view.y + view.height + 1);
}

test('board: a long column holds all its cards, and the keyboard carries a card down it, scrolling along', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'the same column on every screen; moved here with the keyboard');
  test.setTimeout(90_000);
  const creator = userFor(testInfo, 'spaceCreator');
  await signIn(page, creator.email);
  const spaceId = await createSpace(page, `长列看板-${Date.now()}`);
  const count = 260;
  const sheet = await buildSheet({
    headers: TASK_SHEET_HEADERS,
    rows: Array.from({ length: count }, (_, i) => ({ 任务名称: `长列任务 ${i + 1}`, 负责人: creator.name, 优先级: '中', 截止时间: '2026-12-20', 状态: '待开始' })),
  });
  const imported = await page.request.post(`/api/v1/spaces/${spaceId}/task-table`, {
    multipart: { file: { name: '长列.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: sheet } },
  });
  expect(imported.ok()).toBe(true);

  await page.goto(`/spaces/${spaceId}/board`);
  const board = page.getByTestId('task-board');
  await expect(board).toHaveAttribute('data-ready', 'true');
  const column = page.getByTestId('board-column-todo');
  await expect(column.getByTestId('wip-count')).toHaveText(String(count));
  await expect(column.getByText(/还有 \d+ 项/)).toHaveCount(0);
  // Only the cards in or near view are on the page; scrolling the column reaches the last one.
  expect(await column.locator('[data-testid^="board-card-"]').count()).toBeLessThan(40);
  const scroller = column.getByTestId('board-column-scroller');
  await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  await expectInView(column.getByTestId(`board-card-${count}`), scroller);
  await scroller.evaluate((element) => element.scrollTo({ top: 0 }));

  // Space, thirteen times ArrowDown, Space: each step says the place; the column scrolls to keep the card in view.
  const card = column.getByTestId('board-card-1');
  await expectHydrated(card);
  await card.focus();
  await page.keyboard.press('Space');
  const announced = page.locator('[id^="DndLiveRegion"]');
  await expect(announced).toContainText('移动到「待开始」第 1 项');
  for (let place = 2; place <= 14; place++) {
    await page.keyboard.press('ArrowDown');
    await expect(announced).toContainText(`移动到「待开始」第 ${place} 项`);
  }
  await page.keyboard.press('Space');
  await expect(announced).toContainText('已放入「待开始」第 14 项');
  await expect(board).toHaveAttribute('aria-busy', 'false');
  await expectInView(card, scroller);

  // Saved where it was dropped: after #14, before #15, also after a reload.
  const top = async (number: number) => (await column.getByTestId(`board-card-${number}`).boundingBox())!.y;
  const expectBetween = async () => {
    const [before, moved, after] = [await top(14), await top(1), await top(15)];
    expect(before).toBeLessThan(moved);
    expect(moved).toBeLessThan(after);
  };
  await expectBetween();
  await page.reload();
  await expect(board).toHaveAttribute('data-ready', 'true');
  await column.getByTestId('board-card-14').scrollIntoViewIfNeeded();
  await expectBetween();
});

test('task table: export and re-import with no change; a broken sheet is refused row by row', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'a file goes out and comes back the same way on every screen');
  const creator = userFor(testInfo, 'spaceCreator');
  await signIn(page, creator.email);
  const spaceId = await createSpace(page, `任务表-${Date.now()}`);
  const me = (await (await page.request.get('/api/v1/me')).json()).user;
  for (const name of ['市场推广方案设计', '生产资源协调']) {
    const created = await page.request.post(`/api/v1/spaces/${spaceId}/tasks`, { data: { name, dueDate: '2026-12-20', assigneeId: me.id, notes: '=HYPERLINK("x")' } });
    expect(created.status()).toBe(201);
  }

  await page.goto(`/spaces/${spaceId}/tasks`);
  const transfer = page.getByTestId('task-table-transfer');
  await expectHydrated(transfer.getByRole('button', { name: '开始导入' }));
  const download = page.waitForEvent('download');
  await transfer.getByRole('link', { name: '导出 Excel' }).click();
  const file = await (await download).path();
  await transfer.getByLabel('导入 Excel').setInputFiles(file);
  await transfer.getByRole('button', { name: '开始导入' }).click();
  await expect(transfer.getByTestId('sheet-imported')).toHaveText(/新建 0 条、更新 0 条、未变化 2 条/);

  const broken = await buildSheet({
    headers: TASK_SHEET_HEADERS,
    rows: [
      { 任务名称: '两位负责人', 负责人: `${creator.name}、王芳`, 优先级: '高', 截止时间: '2026-12-20', 状态: '待开始' },
      { 任务名称: '日期不对', 负责人: creator.name, 优先级: '紧急', 截止时间: '2026-13-40', 状态: '暂停' },
    ],
  });
  await transfer.getByLabel('导入 Excel').setInputFiles({ name: '有问题的任务表.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: broken });
  await transfer.getByRole('button', { name: '开始导入' }).click();
  const problems = transfer.getByTestId('sheet-problems');
  await expect(problems).toContainText('未导入任何内容');
  for (const cell of ['负责人', '优先级', '截止时间', '状态']) await expect(problems.getByRole('cell', { name: cell, exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('task-total')).toHaveText('共 2 项任务');
});

test('Gantt: moving a task later pushes the task that waits on it; starting a task before its predecessor is refused', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'the Gantt chart is read-only on phones');
  const creator = userFor(testInfo, 'spaceCreator');
  await signIn(page, creator.email);
  const spaceId = await createSpace(page, `甘特图-${Date.now()}`);
  const me = (await (await page.request.get('/api/v1/me')).json()).user;
  const create = async (data: Record<string, unknown>) => (await (await page.request.post(`/api/v1/spaces/${spaceId}/tasks`, { data: { assigneeId: me.id, ...data } })).json()).task;
  const research = await create({ name: '需求调研', startDate: '2026-12-01', dueDate: '2026-12-05' });
  await create({ name: '方案设计', startDate: '2026-12-06', dueDate: '2026-12-08', dependsOnIds: [research.id] });

  await page.goto(`/spaces/${spaceId}/gantt`);
  await expect(page.getByTestId('gantt')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('gantt-link-1-2')).toBeAttached();
  const first = page.getByTestId('gantt-bar-1');
  const second = page.getByTestId('gantt-bar-2');
  for (const due of ['2026-12-06', '2026-12-07']) {
    await first.focus();
    await page.keyboard.press('ArrowRight');
    await expect(first).toHaveAttribute('data-due', due);
    // Saved when the bar is no longer busy.
    await expect(first).not.toHaveAttribute('aria-busy', 'true');
  }
  // The successor moved with it, keeping its three days.
  await expect(second).toHaveAttribute('data-start', '2026-12-08');
  await expect(second).toHaveAttribute('data-due', '2026-12-10');

  await second.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('gantt-error')).toContainText('#2');
  await expect(second).toHaveAttribute('data-start', '2026-12-08');
  await page.reload();
  await expect(page.getByTestId('gantt-bar-2')).toHaveAttribute('data-start', '2026-12-08');
});
