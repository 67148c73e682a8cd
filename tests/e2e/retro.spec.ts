import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectHydrated, me, projectContextOptions, signIn, userFor } from './fixtures';

interface ApiTask { id: string; status: string; dueDate: string; completedAt: string | null }

/** Today in Shanghai, as the server counts completion days. */
const shanghaiDay = (instant: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(instant));

async function createTask(page: Page, spaceId: string, assigneeId: string, data: Record<string, unknown>) {
  const created = await page.request.post(`/api/v1/spaces/${spaceId}/tasks`, { data: { dueDate: '2099-01-01', assigneeId, ...data } });
  expect(created.status()).toBe(201);
  return (await created.json()).task as { id: string };
}

test('a retrospective whose figures match the space’s tasks, then the space archived read-only and exported', { tag: '@smoke' }, async ({ page, browser }, testInfo) => {
  test.setTimeout(150_000);
  await signIn(page, userFor(testInfo, 'spaceCreator').email);
  const lead = await me(page);
  const observerPage = await (await browser.newContext(projectContextOptions(testInfo))).newPage();
  await signIn(observerPage, userFor(testInfo, 'spaceObserver').email);
  const observer = await me(observerPage);
  const name = `复盘-${testInfo.project.name}-${Date.now()}`;
  const created = await page.request.post('/api/v1/spaces', {
    data: { name, goal: '按期上市\n首月销量破万', startDate: '2026-01-01', endDate: '2099-12-31', departmentIds: [lead.departmentId], adminIds: [lead.id] },
  });
  expect(created.status()).toBe(201);
  const spaceId = (await created.json()).space.id as string;
  expect((await page.request.post(`/api/v1/spaces/${spaceId}/members`, { data: { userIds: [observer.id], role: 'observer' } })).status()).toBe(201);

  // The space's tasks: done on time, done late, in progress, and one blocked with its issue entry.
  await createTask(page, spaceId, lead.id, { name: '按期完成的任务', status: 'done' });
  await createTask(page, spaceId, lead.id, { name: '延期完成的任务', dueDate: '2026-01-05', status: 'done' });
  await createTask(page, spaceId, lead.id, { name: '进行中的任务', status: 'in_progress' });
  const blocked = await createTask(page, spaceId, lead.id, { name: '被阻塞的任务' });
  expect((await page.request.post(`/api/v1/tasks/${blocked.id}/blockers`, { data: { reason: '等待样机', proposedSolution: '催供应商' } })).status()).toBe(201);

  // What the figures must be, counted from the tasks as the API lists them.
  const tasks = (await (await page.request.get(`/api/v1/spaces/${spaceId}/tasks?limit=100`)).json()).data as ApiTask[];
  const count = (status: string) => tasks.filter((t) => t.status === status).length;
  const done = tasks.filter((t) => t.status === 'done');
  const onTime = done.filter((t) => t.completedAt && shanghaiDay(t.completedAt) <= t.dueDate).length;
  expect([tasks.length, done.length, onTime]).toEqual([4, 2, 1]);

  await page.goto(`/spaces/${spaceId}/retro`);
  const facts = page.getByTestId('retro-facts');
  await expect(facts.getByTestId('fact-total')).toHaveText(String(tasks.length));
  await expect(facts.getByTestId('fact-on-time-rate')).toHaveText(`${Math.round((onTime / done.length) * 100)}%`);
  for (const status of ['todo', 'in_progress', 'done', 'blocked']) await expect(facts.getByTestId(`fact-status-${status}`)).toHaveText(String(count(status)));
  await expect(facts.getByTestId('fact-blocked-tasks')).toHaveText('1');
  await expect(facts.getByTestId('retro-facts-mode')).toContainText('实时计算');

  // The guided sections: goals from the space goal, an outcome and evidence, a problem, an improvement.
  const editor = page.getByTestId('retro-editor');
  await expectHydrated(editor.getByTestId('retro-save'));
  await expect(editor.getByTestId('retro-goal')).toHaveCount(2);
  const firstGoal = editor.getByTestId('retro-goal').first();
  await expect(firstGoal.getByRole('textbox', { name: '目标 1' })).toHaveValue('按期上市');
  await firstGoal.getByRole('radio', { name: '部分达成' }).check();
  await firstGoal.getByRole('textbox', { name: '依据' }).fill('一项任务延期完成');
  await editor.getByRole('button', { name: '添加问题' }).click();
  await editor.getByRole('textbox', { name: '问题 1' }).fill('样机交付晚了两周');
  await editor.getByRole('button', { name: '添加改进措施' }).click();
  await editor.getByRole('textbox', { name: '改进措施 1' }).fill('提前锁定样机供应商');
  await editor.getByTestId('retro-save').click();
  await expect(page.getByTestId('form-success')).toHaveText('复盘已保存。');

  // 转为任务: the improvement becomes a task of the space.
  await editor.getByTestId('to-task-open').click();
  await editor.getByRole('button', { name: '创建任务' }).click();
  await expect(editor.getByTestId('improvement-task')).toHaveText('已转为任务 #5');
  // 转为知识库页面: and a page of the space's knowledge base, to be written up there.
  await editor.getByTestId('improvement-to-page').click();
  await expect(editor.getByTestId('improvement-page')).toHaveText('已转为知识库页面');

  // Complete: the figures become a snapshot, and archiving is offered.
  page.once('dialog', (dialog) => dialog.accept());
  await editor.getByTestId('retro-complete').click();
  await expect(page.getByTestId('retro-status')).toHaveText('已完成');
  await expect(facts.getByTestId('retro-facts-mode')).toContainText('快照');
  await expect(facts.getByTestId('fact-total')).toHaveText('5'); // the improvement's task counts too
  const offer = page.getByTestId('retro-archive-offer');
  await expectHydrated(offer.getByRole('button', { name: '归档空间' }));
  page.once('dialog', (dialog) => dialog.accept());
  await offer.getByRole('button', { name: '归档空间' }).click();
  await expect(page.getByTestId('archived-badge')).toBeVisible();

  // Archived: read-only for everyone, readable by members; the lead's page has no edit control left.
  await page.reload();
  await expect(page.getByTestId('retro-record')).toBeVisible();
  await expect(page.getByTestId('retro-editor')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /重新打开|保存草稿|完成复盘|转为任务|归档空间/ })).toHaveCount(0);
  await expect(page.getByTestId('retro-goal-outcome').first()).toHaveText('部分达成');
  await expect(page.getByText('空间已归档，复盘只读。')).toBeVisible();
  const save = await page.request.put(`/api/v1/spaces/${spaceId}/retrospective`, { data: { version: 3, goals: [], problems: [], improvements: [], summary: '' } });
  expect(save.status()).toBe(403);
  // Still found by search: the improvement's task and knowledge page, by a Chinese word inside them.
  const found = await page.request.get(`/api/v1/search?q=${encodeURIComponent('样机供应')}&spaceId=${spaceId}`);
  expect(found.status()).toBe(200);
  const { hits } = await found.json() as { hits: { type: string; title: string; spaceId: string }[] };
  expect(hits.map((h) => `${h.type}:${h.title}`).sort()).toEqual(['page:提前锁定样机供应商', 'task:提前锁定样机供应商']);
  await observerPage.goto(`/spaces/${spaceId}/retro`);
  await expect(observerPage.getByTestId('retro-record')).toContainText('样机交付晚了两周');
  await observerPage.context().close();

  // Hidden from the active list, found under 已归档; admins see 恢复.
  await page.goto(`/spaces?q=${encodeURIComponent(name)}`);
  await expect(page.getByText(name)).toHaveCount(0);
  await page.goto(`/spaces?q=${encodeURIComponent(name)}&status=archived`);
  await expect(page.getByTestId('space-list')).toContainText(name);
  await page.goto(`/spaces/${spaceId}/settings`);
  await expect(page.getByTestId('restore-space').getByRole('button', { name: '恢复' })).toBeVisible();

  // The export: a zip with the data, the retrospective and an index.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-space').click()]);
  expect(download.suggestedFilename()).toMatch(/^复盘-.+\.zip$/);
  const zip = await JSZip.loadAsync(await readFile((await download.path())!));
  expect(Object.keys(zip.files).sort()).toEqual(['index.html', 'meetings.json', 'messages.json', 'pages/提前锁定样机供应商.html', 'retrospective.html', 'retrospective.json', 'space.json', 'tasks.json']);
  expect(await zip.file('pages/提前锁定样机供应商.html')!.async('string')).toContain('提前锁定样机供应商');
  const retro = JSON.parse(await zip.file('retrospective.json')!.async('string'));
  expect(retro).toMatchObject({ status: 'completed', facts: { totalTasks: 5, done: 2, doneOnTime: 1, blockedTasks: 1 } });
  expect(JSON.parse(await zip.file('tasks.json')!.async('string')).tasks).toHaveLength(5);
  expect(await zip.file('retrospective.html')!.async('string')).toContain('提前锁定样机供应商');
});
