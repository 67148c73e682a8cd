import { expect, test } from '@playwright/test';
import { expectHydrated, signIn, userFor } from './fixtures';

// One pass through the upload → preview → apply flow; the rules are covered by the integration tests.
test.skip(({ isMobile }) => isMobile, 'the phone layout is checked by a screenshot');

test('an admin uploads a staff list, reviews the diff, applies it and sees it in the history', async ({ page }, testInfo) => {
  const run = Date.now() % 100000;
  const csv = `工号,姓名,邮箱,部门,状态\nE2E${run},测试员${run},e2e.${run}@corp.example.com,同步测试部/小组${run},在职\n,无编号,,同步测试部,在职\n`;
  await signIn(page, userFor(testInfo, 'admin').email);
  await page.goto('/admin/directory');
  await expect(page.getByRole('heading', { name: '上传花名册' })).toBeVisible();

  const upload = page.getByTestId('directory-upload');
  await expectHydrated(upload.getByRole('button', { name: '预览变更' }));
  await upload.getByLabel('文件').setInputFiles({ name: 'staff.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await upload.getByRole('button', { name: '预览变更' }).click();

  const report = page.getByTestId('directory-run');
  await expect(report).toContainText('预览');
  await expect(page.getByTestId('report-created')).toContainText(`测试员${run}`);
  await expect(page.getByTestId('report-skipped')).toContainText('第 3 行 无编号');
  await expect(page.getByTestId('report-skipped')).toContainText('既没有工号也没有邮箱');

  page.once('dialog', (dialog) => dialog.accept());
  await report.getByRole('button', { name: '应用' }).click();
  await expect(page.getByTestId('directory-run')).toContainText('已应用');
  await expect(page.getByTestId('directory-runs').getByRole('listitem').first()).toContainText('已应用');

  await page.goto(`/admin/users?q=${encodeURIComponent(`测试员${run}`)}`);
  await expect(page.getByTestId('user-list')).toContainText(`e2e.${run}@corp.example.com`);
});
