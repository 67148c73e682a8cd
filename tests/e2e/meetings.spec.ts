import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import mammoth from 'mammoth';
import { expect, test, type Page } from '@playwright/test';
import { expectHydrated, me, projectContextOptions, signIn, userFor } from './fixtures';


async function addNote(page: Page, text: string) {
  const composer = page.getByTestId('note-composer');
  await expectHydrated(composer.getByRole('button', { name: '添加备注' }));
  await composer.getByRole('textbox').fill(text);
  await composer.getByRole('button', { name: '添加备注' }).click();
}

test('meetings: schedule with an agenda, notes appear live in both browsers, action items become tasks and show their status', { tag: '@smoke' }, async ({ browser, playwright }, testInfo) => {
  test.setTimeout(150_000);
  const contextOptions = projectContextOptions(testInfo);
  const [organizerContext, attendeeContext] = await Promise.all([browser.newContext(contextOptions), browser.newContext(contextOptions)]);
  const a = await organizerContext.newPage();
  const b = await attendeeContext.newPage();
  const organizer = userFor(testInfo, 'chatAuthor');
  const attendee = userFor(testInfo, 'chatReader');
  await signIn(a, organizer.email);
  await signIn(b, attendee.email);
  const [aMe, bMe] = await Promise.all([me(a), me(b)]);
  const created = await a.request.post('/api/v1/spaces', {
    data: { name: `会议-${testInfo.project.name}-${Date.now()}`, goal: '筹备发布会', startDate: '2026-11-01', endDate: '2027-03-31', departmentIds: [aMe.departmentId], adminIds: [aMe.id], memberIds: [bMe.id] },
  });
  expect(created.status()).toBe(201);
  const spaceId = (await created.json()).space.id;

  // A schedules the meeting in the form: topic, an attendee, two agenda items.
  await a.goto(`/spaces/${spaceId}/meetings`);
  await expect(a.getByText('还没有会议')).toBeVisible();
  await a.getByRole('link', { name: '安排会议' }).click();
  const form = a.getByTestId('meeting-form');
  await expectHydrated(form.getByRole('button', { name: '添加议题' }));
  await form.getByLabel('会议主题').fill('发布会筹备周会');
  await form.getByLabel('地点').fill('3 楼大会议室');
  await form.getByRole('searchbox').first().fill(attendee.name);
  await form.getByTestId('people-picker-attendeeIds').getByRole('checkbox').first().check();
  await form.getByRole('button', { name: '添加议题' }).click();
  await form.getByRole('textbox', { name: '议题 1' }).fill('回顾上周进度');
  await form.getByRole('button', { name: '添加议题' }).click();
  await form.getByRole('textbox', { name: '议题 2' }).fill('确认场地与预算');
  await form.getByRole('button', { name: '安排会议' }).click();
  await expect(a.getByTestId('meeting-topic')).toHaveText('发布会筹备周会');
  await expect(a.getByTestId('agenda').getByRole('listitem')).toHaveText([/回顾上周进度/, /确认场地与预算/]);
  const meetingUrl = a.url();
  const meetingId = meetingUrl.split('/').pop()!;

  // Both open it; each adds a note and sees the other's appear without reloading.
  await b.goto(meetingUrl);
  await expect(b.getByText(`参会人员：`)).toContainText(attendee.name);
  await addNote(a, '场地已确认，预算待财务审批');
  await expect(a.getByTestId('meeting-notes')).toContainText('场地已确认');
  await expect(b.getByTestId('meeting-notes')).toContainText('场地已确认');
  await addNote(b, '建议提前一周彩排');
  await expect(b.getByTestId('meeting-notes')).toContainText('建议提前一周彩排');
  await expect(a.getByTestId('meeting-notes')).toContainText('建议提前一周彩排');

  // A starts the first agenda item; B sees its timer running.
  await a.getByRole('button', { name: '开始 回顾上周进度' }).click();
  await expect(b.getByTestId('agenda').getByRole('timer')).toContainText('进行中');

  // Three action items, synced to tasks; they appear on the board.
  const actionForm = a.getByTestId('action-item-form');
  for (const [title, owner] of [['联系场地方签合同', organizer.name], ['提交预算申请', attendee.name], ['准备彩排流程', organizer.name]]) {
    await expectHydrated(actionForm.getByRole('button', { name: '添加待办' }));
    await actionForm.getByLabel('事项').fill(title!);
    await actionForm.getByLabel('负责人').selectOption({ label: owner! });
    await actionForm.getByRole('button', { name: '添加待办' }).click();
    await expect(a.getByTestId('action-items')).toContainText(title!);
  }
  await a.getByRole('button', { name: '同步到任务' }).click();
  await expect(a.getByTestId('action-items').getByRole('link', { name: /任务 #/ })).toHaveCount(3);
  await a.goto(`/spaces/${spaceId}/board`);
  for (const title of ['联系场地方签合同', '提交预算申请', '准备彩排流程']) await expect(a.getByText(title).first()).toBeVisible();

  // B finishes the budget task; the minutes show it done (struck through) for A, live.
  await a.goto(meetingUrl);
  const meeting = (await (await b.request.get(`/api/v1/meetings/${meetingId}`)).json()).meeting;
  const budget = meeting.actionItems.find((item: { title: string }) => item.title === '提交预算申请');
  expect((await b.request.patch(`/api/v1/tasks/${budget.task.id}`, { data: { status: 'done' } })).status()).toBe(200);
  await expect(a.locator('[data-testid="action-items"] li[data-done]')).toContainText('提交预算申请');

  // The invitation parses as a calendar event; the exported minutes open. A request context of its
  // own: the page's may hold a keep-alive socket the server has closed meanwhile.
  const api = await playwright.request.newContext({ baseURL: contextOptions.baseURL, storageState: await organizerContext.storageState() });
  const ics = await api.get(`/api/v1/meetings/${meetingId}/invitation`);
  expect(ics.headers()['content-type']).toContain('text/calendar');
  const event = new ICAL.Event(ICAL.Component.fromString(await ics.text()).getFirstSubcomponent('vevent')!);
  expect(event.summary).toBe('发布会筹备周会');
  expect(event.uid).toBe(`${meetingId}@xiezuo`);
  const xlsx = await api.get(`/api/v1/meetings/${meetingId}/minutes-table?format=xlsx`);
  expect(xlsx.status()).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await xlsx.body()) as never);
  const cells = workbook.worksheets[0]!.getSheetValues().flat().map(String);
  expect(cells).toEqual(expect.arrayContaining(['发布会筹备周会', '提交预算申请', '已完成']));
  const docx = await api.get(`/api/v1/meetings/${meetingId}/minutes-table?format=docx`);
  const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(await docx.body()) });
  expect(text).toContain('发布会筹备周会');
  expect(text).toContain('准备彩排流程');
  await a.getByRole('link', { name: '打印 / PDF' }).click();
  await expect(a.getByTestId('minutes-table')).toContainText('回顾上周进度');

  await Promise.all([api.dispose(), organizerContext.close(), attendeeContext.close()]);
});

test('meetings: editing a synced action item in the page changes its task, helpers included', async ({ page, browser }, testInfo) => {
  test.setTimeout(90_000);
  const organizer = userFor(testInfo, 'chatAuthor');
  const attendee = userFor(testInfo, 'chatReader');
  // The attendee signs in once, so that their id is known.
  const attendeeContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const attendeePage = await attendeeContext.newPage();
  await signIn(attendeePage, attendee.email);
  const attendeeId = (await me(attendeePage)).id;
  await attendeeContext.close();
  await signIn(page, organizer.email);
  const self = await me(page);
  const created = await page.request.post('/api/v1/spaces', {
    data: { name: `待办-${testInfo.project.name}-${Date.now()}`, goal: '筹备发布会', startDate: '2026-11-01', endDate: '2027-03-31', departmentIds: [self.departmentId], adminIds: [self.id], memberIds: [attendeeId] },
  });
  expect(created.status()).toBe(201);
  const spaceId = (await created.json()).space.id;
  const meeting = (await (await page.request.post(`/api/v1/spaces/${spaceId}/meetings`, {
    data: { topic: '彩排复盘会', startsAt: '2026-12-03T10:00', endsAt: '2026-12-03T11:00', attendeeIds: [attendeeId] },
  })).json()).meeting;
  expect((await page.request.post(`/api/v1/meetings/${meeting.id}/action-items`, { data: { title: '确认舞台搭建', ownerId: self.id, dueDate: '2026-12-10' } })).status()).toBe(201);
  expect((await (await page.request.post(`/api/v1/meetings/${meeting.id}/action-items/sync`)).json()).created).toBe(1);

  await page.goto(`/spaces/${spaceId}/meetings/${meeting.id}`);
  const row = page.getByTestId('action-item').filter({ hasText: '确认舞台搭建' });
  await expect(row.getByTestId('action-item-owner')).toContainText(organizer.name);
  const edit = row.getByRole('button', { name: '编辑待办：确认舞台搭建' });
  await expectHydrated(edit);
  await edit.click();
  // While it is edited, the row holds the form (its title is a field's value, no longer text).
  const form = page.getByTestId('action-item-edit-form');
  await expect(form.getByLabel('事项')).toHaveValue('确认舞台搭建');
  await form.getByLabel('负责人', { exact: true }).selectOption({ label: attendee.name });
  await form.getByLabel('截止日期').fill('2026-12-24');
  await form.getByRole('searchbox').fill(organizer.name);
  await form.getByTestId('people-picker-helperIds').getByRole('checkbox').first().check();
  await form.getByRole('button', { name: '保存待办' }).click();

  // The row shows the task's new owner, helper and due date; the task itself changed.
  await expect(form).toBeHidden();
  await expect(row.getByTestId('action-item-owner')).toContainText(attendee.name);
  await expect(row.getByTestId('action-item-helpers')).toContainText(organizer.name);
  await expect(row.getByTestId('action-item-due')).toContainText('2026-12-24');
  await row.getByRole('link', { name: /任务 #/ }).click();
  await expect(page.getByTestId('task-assignee')).toHaveText(attendee.name);
  await expect(page.getByText('2026-12-24')).toBeVisible();

  // The minutes table lists the helper too.
  await page.goto(`/spaces/${spaceId}/meetings/${meeting.id}/minutes`);
  await expect(page.getByTestId('minutes-table').getByRole('row').filter({ hasText: '确认舞台搭建' })).toContainText(organizer.name);
});
