import { expect, test, type Page } from '@playwright/test';
import { expectHydrated, me, projectContextOptions, signIn, userFor } from './fixtures';

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** Types into the page editor's text, after what is there. */
async function typeIntoPage(page: Page, text: string) {
  const editor = page.getByTestId('editor-content').getByRole('textbox');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}

test('knowledge base: a page from a template with two tags, found by a Chinese word, a concurrent edit merged, history, read-only once archived', { tag: '@smoke' }, async ({ browser }, testInfo) => {
  test.setTimeout(150_000);
  const contextOptions = projectContextOptions(testInfo);
  const [writerContext, otherContext] = await Promise.all([browser.newContext(contextOptions), browser.newContext(contextOptions)]);
  const a = await writerContext.newPage();
  const b = await otherContext.newPage();
  const writer = userFor(testInfo, 'chatAuthor');
  const other = userFor(testInfo, 'chatReader');
  await signIn(a, writer.email);
  await signIn(b, other.email);
  const [aMe, bMe] = await Promise.all([me(a), me(b)]);
  const created = await a.request.post('/api/v1/spaces', {
    data: { name: `知识库-${testInfo.project.name}-${Date.now()}`, goal: '沉淀发布经验', startDate: '2026-11-01', endDate: '2027-03-31', departmentIds: [aMe.departmentId], adminIds: [aMe.id], memberIds: [bMe.id] },
  });
  expect(created.status()).toBe(201);
  const spaceId = (await created.json()).space.id;

  // A writes a page from the SOP template and gives it two tags.
  await a.goto(`/spaces/${spaceId}/kb`);
  await expect(a.getByText('还没有页面')).toBeVisible();
  const form = a.getByTestId('kb-create');
  await expectHydrated(form.getByRole('button', { name: '创建' }));
  await form.getByLabel('标题').fill('发布流程手册');
  await form.getByLabel('模板').selectOption({ label: 'SOP（标准作业流程）' });
  await form.getByRole('button', { name: '创建' }).click();
  const editor = a.getByTestId('kb-editor');
  await expectHydrated(editor.getByTestId('kb-save'));
  await expect(editor.getByTestId('editor-content')).toContainText('操作步骤');
  await editor.getByRole('checkbox', { name: '流程' }).check();
  await editor.getByRole('checkbox', { name: '规范' }).check();
  await typeIntoPage(a, '灰度发布前必须备份数据库');
  await editor.getByTestId('kb-save').click();
  await expect(a.getByTestId('kb-page-version')).toHaveText('第 2 版');
  await expect(a.getByTestId('kb-page-content')).toContainText('灰度发布前必须备份数据库');
  await expect(a.getByText('流程', { exact: true }).first()).toBeVisible();
  await expect(a.getByText('规范', { exact: true }).first()).toBeVisible();
  const pageUrl = a.url();

  // The list's own search box finds it by a Chinese word; a word it lacks finds nothing.
  await a.goto(`/spaces/${spaceId}/kb`);
  const search = a.getByTestId('kb-search');
  await search.getByRole('searchbox').fill('备份数据');
  await search.getByRole('button', { name: '搜索' }).click();
  await expect(a.getByTestId('kb-results').getByRole('link', { name: '发布流程手册' })).toBeVisible();
  await expect(a.getByText('找到 1 页')).toBeVisible();
  await search.getByRole('searchbox').fill('回滚预案');
  await search.getByRole('button', { name: '搜索' }).click();
  await expect(a.getByText('没有找到匹配的页面')).toBeVisible();

  // Both open the editor; B saves first, A's save is told and A keeps theirs after seeing B's.
  await a.goto(`${pageUrl}?edit=1`);
  await b.goto(`${pageUrl}?edit=1`);
  await expectHydrated(a.getByTestId('kb-save'));
  await expectHydrated(b.getByTestId('kb-save'));
  await typeIntoPage(b, '发布窗口：周二晚上');
  await b.getByTestId('kb-save').click();
  await expect(b.getByTestId('kb-page-version')).toHaveText('第 3 版');
  await typeIntoPage(a, '发布后观察三十分钟');
  await a.getByTestId('kb-save').click();
  const conflict = a.getByTestId('kb-conflict');
  await expect(conflict).toContainText('有人在你编辑期间保存了此页面');
  await expect(conflict).toContainText('发布窗口：周二晚上');
  await conflict.getByTestId('kb-keep-mine').click();
  await expect(a.getByTestId('kb-page-version')).toHaveText('第 4 版');
  await expect(a.getByTestId('kb-page-content')).toContainText('发布后观察三十分钟');

  // History lists every version, and shows what changed between two.
  await a.getByRole('link', { name: '历史版本' }).click();
  await expect(a.getByTestId('kb-revisions').getByRole('listitem')).toHaveCount(4);
  await a.getByTestId('kb-revisions').getByRole('listitem').nth(2).getByRole('link', { name: '与上一版比较' }).click();
  await expect(a.getByTestId('kb-diff').locator('ins')).toContainText(['灰度发布前必须备份数据库']);

  // Archived, the page is still there to read, with no edit controls, and the server refuses a save.
  expect((await a.request.post(`/api/v1/spaces/${spaceId}/archive`, { data: {} })).status()).toBe(200);
  await a.goto(pageUrl);
  await expect(a.getByTestId('kb-page-content')).toContainText('发布后观察三十分钟');
  await expect(a.getByTestId('kb-edit')).toHaveCount(0);
  await expect(a.getByRole('button', { name: '删除' })).toHaveCount(0);
  const pageId = pageUrl.split('/').pop()!;
  const refused = await a.request.patch(`/api/v1/pages/${pageId}`, { data: { title: '改不了', content: '归档后', baseVersion: 4 } });
  expect(refused.status()).toBe(403);
  await Promise.all([writerContext.close(), otherContext.close()]);
});

test('knowledge base: pasted HTML with scripts and event handlers is kept as text or dropped, in the stored page and on screen', async ({ page }, testInfo) => {
  const writer = userFor(testInfo, 'chatAuthor');
  await signIn(page, writer.email);
  const self = await me(page);
  const created = await page.request.post('/api/v1/spaces', {
    data: { name: `粘贴-${testInfo.project.name}-${Date.now()}`, goal: '安全检查', startDate: '2026-11-01', endDate: '2027-03-31', departmentIds: [self.departmentId], adminIds: [self.id] },
  });
  const spaceId = (await created.json()).space.id;
  const made = await page.request.post(`/api/v1/spaces/${spaceId}/pages`, { data: { title: '粘贴测试' } });
  const pageId = (await made.json()).page.id;
  await page.goto(`/spaces/${spaceId}/kb/${pageId}?edit=1`);
  await expectHydrated(page.getByTestId('kb-save'));
  await page.getByTestId('editor-content').getByRole('textbox').click();
  const corpus = [
    '<p onclick="window.__xss=1">点我<script>window.__xss=2</script></p>',
    '<img src="x" onerror="window.__xss=3">',
    '<a href="javascript:window.__xss=4">恶意链接</a>',
    '<iframe src="javascript:window.__xss=5"></iframe><svg onload="window.__xss=6"><circle/></svg>',
    '<table><tr><td onmouseover="window.__xss=7">单元格</td></tr></table>',
  ].join('');
  await page.evaluate((html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', '点我');
    document.querySelector('[data-testid="editor-content"] [contenteditable]')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, corpus);
  await expect(page.getByTestId('editor-content')).toContainText('单元格');
  await page.getByTestId('kb-save').click();
  await expect(page.getByTestId('kb-page-version')).toHaveText('第 2 版');
  const stored = JSON.stringify((await (await page.request.get(`/api/v1/pages/${pageId}`)).json()).page.content);
  expect(stored).toContain('点我');
  expect(stored).not.toMatch(/script|onerror|onclick|onload|onmouseover|javascript:|iframe|"image"/i);
  const shown = await page.getByTestId('kb-page-content').innerHTML();
  expect(shown).not.toMatch(/<script|<img|<iframe|<svg|\son\w+=|javascript:/i);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

  // An image of one's own goes into the space's library and shows from there, to members only.
  await page.goto(`/spaces/${spaceId}/kb/${pageId}?edit=1`);
  await expectHydrated(page.getByTestId('kb-save'));
  await page.getByTestId('editor-content').getByRole('textbox').click();
  await page.getByTestId('editor-content-image').setInputFiles({ name: '架构图.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByTestId('editor-content').locator('img')).toHaveAttribute('src', /^\/api\/v1\/files\/[0-9a-f-]+\/image$/);
  await page.getByTestId('kb-save').click();
  await expect(page.getByTestId('kb-page-version')).toHaveText('第 3 版');
  const image = page.getByTestId('kb-page-content').locator('img');
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
});
