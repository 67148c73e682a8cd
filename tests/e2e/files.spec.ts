import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { buildDocx, buildPdf, buildWorkbook } from '../support/file-fixtures';
import { expectHydrated, me, signIn, userFor } from './fixtures';

/** A 120×80 picture, so the preview has something to show. */
const picture = () => sharp({ create: { width: 120, height: 80, channels: 3, background: '#2563eb' } }).png().toBuffer();


/** Opens a file of the listing by its name. */
async function openFile(page: Page, name: string) {
  await page.getByTestId('file-row').getByRole('link', { name: new RegExp(name) }).click();
  await expect(page.getByTestId('file-name')).toHaveText(name);
}

test('files: upload Word, Excel, PDF and a picture, preview each, version and restore, star, attach to a task; outsiders get nothing', { tag: '@smoke' }, async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  // The chat author opens a space of their own here; nobody else's test looks into it.
  const uploader = userFor(testInfo, 'chatAuthor');
  await signIn(page, uploader.email);
  const self = await me(page);
  const created = await page.request.post('/api/v1/spaces', {
    data: { name: `文件库-${testInfo.project.name}-${Date.now()}`, goal: '整理发布会资料', startDate: '2026-11-01', endDate: '2027-03-31', departmentIds: [self.departmentId], adminIds: [self.id] },
  });
  expect(created.status()).toBe(201);
  const spaceId = (await created.json()).space.id;

  await page.goto(`/spaces/${spaceId}/files`);
  await expect(page.getByText('这里还没有文件')).toBeVisible();
  const input = page.getByTestId('upload-panel').getByTestId('upload-input');
  await expectHydrated(page.getByTestId('upload-panel').getByRole('button', { name: '上传文件' }));
  await input.setInputFiles([
    { name: '项目计划.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(await buildDocx()) },
    { name: '预算表.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await buildWorkbook()) },
    { name: '会议议程.pdf', mimeType: 'application/pdf', buffer: Buffer.from(buildPdf(2)) },
    { name: '海报.png', mimeType: 'image/png', buffer: await picture() },
  ]);
  await expect(page.getByTestId('upload-item').and(page.locator('[data-state="done"]'))).toHaveCount(4);
  await expect(page.getByTestId('file-row')).toHaveCount(4);

  // Each previews in the page, made on the server (Word, Excel) or drawn in the browser (PDF).
  await openFile(page, '项目计划.docx');
  await expect(page.getByTestId('html-preview').getByRole('heading', { name: '项目计划' })).toBeVisible();
  await expect(page.getByTestId('html-preview').locator('table')).toBeVisible();
  const fileUrl = page.url();
  await page.goBack();
  await openFile(page, '预算表.xlsx');
  await expect(page.getByTestId('sheet-preview').getByRole('tab').first()).toBeVisible();
  await expect(page.getByTestId('sheet-preview').locator('td').first()).not.toBeEmpty();
  await page.goBack();
  await openFile(page, '会议议程.pdf');
  await expect(page.getByTestId('pdf-viewer')).toHaveAttribute('data-pages', '2');
  await expect(page.getByTestId('pdf-page')).toHaveText('第 1 / 2 页');
  await page.getByRole('button', { name: '下一页' }).click();
  await expect(page.getByTestId('pdf-page')).toHaveText('第 2 / 2 页');
  await page.goBack();
  await openFile(page, '海报.png');
  const shown = page.getByTestId('image-preview');
  await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(120);

  // A second version of the Word file, then the first restored as the newest.
  await page.goto(fileUrl);
  const versionInput = page.getByTestId('version-upload').getByTestId('upload-input');
  await expectHydrated(page.getByTestId('version-upload').getByRole('button', { name: '上传新版本' }));
  await versionInput.setInputFiles({ name: '项目计划-修订.docx', mimeType: 'application/octet-stream', buffer: Buffer.from(await buildDocx({ filler: 1 })) });
  await expect(page.getByTestId('version-row')).toHaveCount(2);
  await expect(page.getByTestId('version-row').first()).toContainText('当前');
  await page.getByRole('button', { name: '恢复版本 1' }).click();
  await expect(page.getByTestId('version-row')).toHaveCount(3);
  await expect(page.getByTestId('version-row').first()).toContainText('恢复自版本 1');
  await expect(page.getByTestId('file-name')).toHaveText('项目计划.docx');

  // Starred, it is among the starred files across spaces.
  await page.getByTestId('star-toggle').click();
  await expect(page.getByTestId('star-toggle')).toHaveAttribute('aria-pressed', 'true');
  await page.goto('/files/starred');
  await expect(page.getByTestId('file-row').filter({ hasText: '项目计划.docx' })).toBeVisible();

  // Attached to a task, it shows there, and the file links back to the task.
  const task = await page.request.post(`/api/v1/spaces/${spaceId}/tasks`, { data: { name: '整理发布会资料', dueDate: '2026-12-20', assigneeId: self.id } });
  expect(task.status()).toBe(201);
  const taskId = (await task.json()).task.id;
  await page.goto(`/spaces/${spaceId}/tasks/${taskId}`);
  const attachments = page.getByTestId('attachments');
  await attachments.getByRole('combobox', { name: '从文件库添加' }).selectOption({ label: '项目计划.docx' });
  await expectHydrated(attachments.getByRole('button', { name: '添加' }));
  await attachments.getByRole('button', { name: '添加' }).click();
  await expect(attachments.getByTestId('attachment')).toHaveText(/项目计划\.docx/);
  await page.goto(fileUrl);
  await expect(page.getByTestId('attachment-links').getByRole('link', { name: /整理发布会资料/ })).toBeVisible();

  // Sent in the chat, a file lands in the library and shows with its message.
  await page.goto(`/spaces/${spaceId}/chat`);
  const attach = page.getByTestId('chat-attach');
  await expectHydrated(attach.getByTestId('attach-button'));
  await attach.getByTestId('upload-input').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: await picture() });
  await expect(page.getByTestId('message').getByTestId('message-attachments').getByRole('link', { name: /现场照片\.png/ })).toBeVisible();

  // Someone outside the space: the download link and the page are nothing to them.
  await page.goto(fileUrl);
  const downloadUrl = await page.getByTestId('download-link').getAttribute('href');
  expect((await page.request.get(downloadUrl!)).status()).toBe(200);
  const outsiderContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: 'zh-CN' });
  const outsider = await outsiderContext.newPage();
  await signIn(outsider, userFor(testInfo, 'spaceOutsider').email);
  const stolen = await outsider.request.get(downloadUrl!);
  expect(stolen.status()).toBeGreaterThanOrEqual(400);
  expect((await outsider.request.get(downloadUrl!.replace(/\?.*$/, ''))).status()).toBeGreaterThanOrEqual(400);
  const fileId = new URL(fileUrl).pathname.split('/').at(-1);
  expect((await outsider.request.get(`/api/v1/files/${fileId}`)).status()).toBe(404);
  await outsider.goto(fileUrl);
  await expect(outsider.getByTestId('file-preview')).toHaveCount(0);
  await outsiderContext.close();
});
