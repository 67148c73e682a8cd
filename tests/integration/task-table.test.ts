import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { auditEvents, tasks } from '@/db/schema';
import { systemActor, userActor } from '@/lib/auth/actor';
import { addSpaceMembers } from '@/lib/spaces/members';
import { exportTaskTable } from '@/lib/tasks/export-tasks';
import { importTaskTable } from '@/lib/tasks/import-tasks';
import { raiseTaskIssue } from '@/lib/tasks/issues';
import { getTask } from '@/lib/tasks/queries';
import { GET as exportRoute, POST as importRoute } from '@/app/api/v1/spaces/[spaceId]/task-table/route';
import { buildSheet, editSheet, generateTaskRows, sheetValues, TASK_SHEET_HEADERS, type BuiltCell } from '../support/task-sheet-builder';
import { setupTestDatabase } from './support/database';
import { seedSpace, seedTask, seedUser } from './support/factories';
import { authHeaders, routeContext, sheetRoutes } from './support/sheet-routes';

// Route handlers read the session cookie through next/headers; these requests carry none.
vi.mock('next/headers', () => ({
  cookies: async () => ({ has: () => false, get: () => undefined }),
  headers: async () => new Headers(),
}));

const database = setupTestDatabase();

type Seeded = Awaited<ReturnType<typeof seedSpace>>;

const { download, upload } = sheetRoutes('task-table', { GET: exportRoute, POST: importRoute });

async function spaceTasks(spaceId: string) {
  return database.handle.db.select().from(tasks).where(eq(tasks.spaceId, spaceId)).orderBy(asc(tasks.number));
}

/** Three tasks: one with everything filled in, one whose name looks like a formula, one done. */
async function seedThreeTasks(seeded: Seeded) {
  const first = await seedTask(seeded, {
    name: '确认新品发布会场地', helperIds: [seeded.owner.id, seeded.admin.id], priority: 'high', startDate: '2026-12-01', dueDate: '2026-12-10',
    deliverable: '场地合同', notes: '<b>预算</b>不超过 5 万', deliveryStandard: '合同已盖章\n押金已付',
  });
  const second = await seedTask(seeded, { name: '=HYPERLINK("http://evil.example","点我")', dueDate: '2026-12-15', priority: 'low' });
  const third = await seedTask(seeded, { name: '-整理嘉宾名单', dueDate: '2026-12-20', status: 'done', assigneeId: seeded.owner.id });
  return [first, second, third] as const;
}

describe('exporting the 跨部门任务表', () => {
  it('downloads every task in 编号 order with Chinese headers, names, labels and real dates', async () => {
    const seeded = await seedSpace({ name: '新品上市 / 华东' });
    await seedThreeTasks(seeded);
    const response = await download(seeded.observer, seeded.space.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const disposition = response.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="task-table-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toMatch(/^跨部门任务表-新品上市 _ 华东-\d{4}-\d{2}-\d{2}\.xlsx$/);

    const { name, rows, workbook } = await sheetValues(new Uint8Array(await response.arrayBuffer()));
    expect(name).toBe('跨部门任务表');
    expect(rows[0]).toEqual(TASK_SHEET_HEADERS);
    expect(rows.slice(1).map((r) => r[0])).toEqual([1, 2, 3]);
    const first = rows[1]!;
    expect(first.slice(1, 10)).toEqual([
      '确认新品发布会场地', '参与者', '管理员、负责人', seeded.department.name, '高', new Date('2026-12-10T00:00:00Z'), '待开始', '场地合同', '<b>预算</b>不超过 5 万',
    ]);
    expect(first.slice(10)).toEqual([new Date('2026-12-01T00:00:00Z'), '合同已盖章\n押金已付']);
    // Text that starts like a formula is a string cell, never a formula.
    expect(rows[2]![1]).toBe('=HYPERLINK("http://evil.example","点我")');
    expect(rows[3]![1]).toBe('-整理嘉宾名单');
    expect(rows[3]!.slice(2, 8)).toEqual(['负责人', undefined, seeded.department.name, '中', new Date('2026-12-20T00:00:00Z'), '已完成']);

    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).font).toMatchObject({ bold: true });
    expect(sheet.getCell('G2').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('B3').numFmt).toBe('@');
    const validations = (sheet as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
    expect(validations.F5001?.formulae).toEqual(['"高,中,低"']);
    expect(validations.H2?.formulae).toEqual(['"待开始,进行中,已完成,阻塞"']);
  });

  it('narrows the export with the task list filters', async () => {
    const seeded = await seedSpace();
    await seedThreeTasks(seeded);
    const { bytes } = await exportTaskTable(userActor(seeded.admin), seeded.space.id, { status: 'done' });
    expect((await sheetValues(bytes)).rows.slice(1).map((r) => r[1])).toEqual(['-整理嘉宾名单']);
  });
});

describe('importing the 跨部门任务表', () => {
  it('re-importing an exported table changes nothing and says so', async () => {
    const seeded = await seedSpace();
    await seedThreeTasks(seeded);
    await raiseTaskIssue(userActor(seeded.participant), (await seedTask(seeded, { name: '等物料' })).id, { reason: '物料未到', proposedSolution: '换供应商' });
    const before = await spaceTasks(seeded.space.id);
    const exported = await download(seeded.participant, seeded.space.id);
    const result = await upload(seeded.participant, seeded.space.id, new Uint8Array(await exported.arrayBuffer()));
    expect(result).toEqual({ status: 200, body: { created: 0, updated: 0, unchanged: 4, rescheduled: 0 } });
    expect(await spaceTasks(seeded.space.id)).toEqual(before);
    const [audit] = await database.handle.db.select().from(auditEvents)
      .where(and(eq(auditEvents.spaceId, seeded.space.id), eq(auditEvents.action, 'task.import')));
    expect(audit).toMatchObject({ actorId: seeded.participant.id, data: { created: 0, updated: 0, unchanged: 4, rescheduled: 0 } });
  });

  it('an edited cell updates that one task, only where it differs; a row without 编号 creates a task', async () => {
    const seeded = await seedSpace();
    const [first, second, third] = await seedThreeTasks(seeded);
    const { bytes } = await exportTaskTable(userActor(seeded.admin), seeded.space.id);
    const edited = await editSheet(bytes, {
      B3: '核对报名表', F3: '高', D3: '负责人', // task #2: name, priority, one helper
      B5: '新增：准备物料', C5: '管理员', G5: '2026-12-30', // a new row, no 编号, typed date
    });
    const result = await importTaskTable(userActor(seeded.owner), seeded.space.id, edited);
    expect(result).toEqual({ created: 1, updated: 1, unchanged: 2, rescheduled: 0 });
    const after = await spaceTasks(seeded.space.id);
    expect(after[0]!.updatedAt).toEqual(first.updatedAt);
    expect(after[2]!.updatedAt).toEqual(third.updatedAt);
    expect(after[1]).toMatchObject({ id: second.id, name: '核对报名表', priority: 'high', dueDate: second.dueDate, status: 'todo' });
    expect((await getTask(userActor(seeded.admin), second.id)).helpers.map((h) => h.id)).toEqual([seeded.owner.id]);
    expect(after[3]).toMatchObject({
      number: 4, name: '新增：准备物料', assigneeId: seeded.admin.id, departmentId: seeded.department.id, dueDate: '2026-12-30',
      priority: 'medium', status: 'todo', createdBy: seeded.owner.id,
    });
    // Unchanged formatting of 交付标准 survives a round trip; only changed text replaces it.
    expect(after[0]!.deliveryStandard).toEqual(first.deliveryStandard);
  });

  it('reports every problem of a broken sheet with its row and column, and writes nothing', async () => {
    const seeded = await seedSpace();
    await seedTask(seeded, { name: '已有任务' });
    const namesakes = await Promise.all([seedUser({ name: '重名' }), seedUser({ name: '重名' })]);
    await addSpaceMembers(systemActor, seeded.space.id, { userIds: namesakes.map((u) => u.id), role: 'participant' });
    const before = await spaceTasks(seeded.space.id);
    // Hand-made: a title row, columns in another order, a column the import does not know.
    const headers = ['任务名称', '负责人', '截止时间', '开始时间', '状态', '编号', '备用列', '协助人'];
    const rows: Record<string, BuiltCell>[] = [
      { 任务名称: '合规的新任务', 负责人: '参与者', 截止时间: '2026-12-10' },
      { 任务名称: '两位负责人', 负责人: '参与者、负责人', 截止时间: '2026-12-10' },
      { 任务名称: '查无此人', 负责人: '王不存在', 截止时间: '2026-12-10', 协助人: '负责人、李也不存在' },
      { 任务名称: '日期写错', 负责人: '参与者', 截止时间: '2026-13-45' },
      { 任务名称: '先截止后开始', 负责人: '参与者', 截止时间: new Date('2026-12-01T00:00:00Z'), 开始时间: '2026/12/05' },
      { 任务名称: '状态不认识', 负责人: '参与者', 截止时间: '2026-12-10', 状态: '暂停' },
      { 任务名称: '编号不存在', 负责人: '参与者', 截止时间: '2026-12-10', 编号: 999 },
      { 任务名称: '公式没有结果', 负责人: '参与者', 截止时间: { formula: 'TODAY()+3' } },
      {},
      { 任务名称: '直接阻塞', 负责人: '参与者', 截止时间: '2026-12-10', 状态: '阻塞' },
      { 任务名称: '同名的人', 负责人: '重名', 截止时间: '2026-12-10' },
      { 任务名称: '', 负责人: '', 截止时间: '', 备用列: '只有未知列的行也是空行' },
      { 任务名称: '多处问题', 负责人: '参与者', 截止时间: 'next week', 状态: 'paused', 编号: 'abc' },
    ];
    const file = await buildSheet({ headers, rows, above: [['XX 项目跨部门任务表']] });
    const result = await upload(seeded.participant, seeded.space.id, file);
    expect(result.status).toBe(422);
    expect(result.body.error).toMatchObject({ code: 'invalid', message: '表格中有需要修改的地方，未导入任何内容。请修改后重新上传。' });
    // Row 1 is the title, row 2 the header: data starts on row 3.
    expect(result.body.error.rows).toEqual([
      { row: 4, column: '负责人', message: '只能有一位负责人' },
      { row: 5, column: '负责人', message: '空间成员中没有“王不存在”' },
      { row: 5, column: '协助人', message: '空间成员中没有“李也不存在”' },
      { row: 6, column: '截止时间', message: '日期无效，请写成 2026-12-31 这样的格式' },
      { row: 7, column: '截止时间', message: '截止时间不能早于开始时间' },
      { row: 8, column: '状态', message: '状态须为待开始、进行中、已完成或阻塞' },
      { row: 9, column: '编号', message: '本空间没有编号为 999 的任务（新建任务请留空编号）' },
      { row: 10, column: '截止时间', message: '公式没有计算结果：请在 Excel 中重新计算后保存，或直接填写值' },
      { row: 12, column: '状态', message: '不能通过导入设为阻塞：阻塞需要在问题跟踪中填写原因和解决方案，请在任务页操作' },
      { row: 13, column: '负责人', message: '空间成员中有多人叫“重名”，无法确定是哪一位，请在页面中指定' },
      { row: 15, column: '编号', message: '编号须为正整数，例如 12' },
      { row: 15, column: '截止时间', message: '日期无效，请写成 2026-12-31 这样的格式' },
      { row: 15, column: '状态', message: '状态须为待开始、进行中、已完成或阻塞' },
    ]);
    expect(await spaceTasks(seeded.space.id)).toEqual(before);
  });

  it('reports the required columns a sheet lacks, in the caller’s language', async () => {
    const seeded = await seedSpace();
    const file = await buildSheet({ headers: ['编号', '任务', '备注'], rows: [{ 任务: '名称列写错了' }] });
    const result = await upload(seeded.admin, seeded.space.id, file, 'en');
    expect(result.status).toBe(422);
    expect(result.body.error.rows).toEqual(['任务名称', '负责人', '截止时间'].map((column) => ({ row: 1, column, message: 'This required column is missing' })));
  });

  it('takes a formula’s cached result as its value, and keeps HTML as plain text', async () => {
    const seeded = await seedSpace();
    const file = await buildSheet({
      headers: ['任务名称', '负责人', '截止时间', '备注', '优先级', '状态'],
      rows: [{ 任务名称: { formula: '"合并"&"任务"', result: '合并任务' }, 负责人: '负责人', 截止时间: '2026年12月5日', 备注: '<script>alert(1)</script>', 优先级: 'HIGH', 状态: 'in_progress' }],
    });
    expect(await importTaskTable(userActor(seeded.participant), seeded.space.id, file)).toMatchObject({ created: 1 });
    const [task] = await spaceTasks(seeded.space.id);
    expect(task).toMatchObject({ name: '合并任务', assigneeId: seeded.owner.id, dueDate: '2026-12-05', notes: '<script>alert(1)</script>', priority: 'high', status: 'in_progress' });
  });

  it('keeps dependencies: a row may not start before its predecessor is due, and a task moved later pushes its dependents', async () => {
    const seeded = await seedSpace();
    const a = await seedTask(seeded, { startDate: '2026-12-01', dueDate: '2026-12-05' });
    const b = await seedTask(seeded, { startDate: '2026-12-06', dueDate: '2026-12-08', dependsOnIds: [a.id] });
    const { bytes } = await exportTaskTable(userActor(seeded.admin), seeded.space.id);
    const early = await upload(seeded.admin, seeded.space.id, await editSheet(bytes, { K3: new Date('2026-12-04T00:00:00Z') }));
    expect(early.body.error.rows).toEqual([{ row: 3, column: '开始时间', message: '须晚于前置任务 #1 的截止时间开始' }]);

    const later = await importTaskTable(userActor(seeded.admin), seeded.space.id, await editSheet(bytes, { G2: new Date('2026-12-10T00:00:00Z') }));
    expect(later).toEqual({ created: 0, updated: 1, unchanged: 1, rescheduled: 1 });
    const moved = await getTask(userActor(seeded.admin), b.id);
    expect(moved.task).toMatchObject({ startDate: '2026-12-11', dueDate: '2026-12-13' });
    expect(moved.dependsOn.map((d) => d.id)).toEqual([a.id]);
  });

  it('refuses to block or unblock through a sheet: the issue entry needs a reason and a solution', async () => {
    const seeded = await seedSpace();
    const task = await seedTask(seeded);
    await raiseTaskIssue(userActor(seeded.participant), task.id, { reason: '物料未到', proposedSolution: '换供应商' });
    const { bytes } = await exportTaskTable(userActor(seeded.admin), seeded.space.id);
    const result = await upload(seeded.admin, seeded.space.id, await editSheet(bytes, { H2: '已完成' }), 'en');
    expect(result.body.error.rows).toEqual([
      { row: 2, column: '状态', message: 'This task is blocked: record how its issue was resolved on the task page first, then change the status' },
    ]);
  });

  it('refuses a corrupt, non-xlsx, over-long or oversize file with 4xx JSON', async () => {
    const seeded = await seedSpace();
    const notExcel = await upload(seeded.admin, seeded.space.id, new TextEncoder().encode('编号,任务名称\n1,假装是表格'), 'en');
    expect(notExcel).toEqual({ status: 422, body: { error: { code: 'invalid', message: expect.any(String), fields: { file: ['This file cannot be read; upload an Excel (.xlsx) file'] } } } });
    const real = await buildSheet({ headers: TASK_SHEET_HEADERS, rows: [] });
    const truncated = await upload(seeded.admin, seeded.space.id, real.subarray(0, real.length / 2));
    expect(truncated.body.error.fields.file).toEqual(['无法读取该文件，请上传 Excel 格式（.xlsx）的表格']);
    const empty = await upload(seeded.admin, seeded.space.id, new Uint8Array());
    expect(empty.status).toBe(422);

    const oversize = await upload(seeded.admin, seeded.space.id, new Uint8Array(10 * 1024 * 1024 + 1));
    expect(oversize).toMatchObject({ status: 422, body: { error: { fields: { file: ['文件不能超过 10 MB'] } } } });
    const declared = await importRoute(new Request(`http://localhost/api/v1/spaces/${seeded.space.id}/task-table`, {
      method: 'POST',
      headers: { ...(await authHeaders(seeded.admin)), 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(50 * 1024 * 1024) },
      body: 'x',
    }), routeContext(seeded.space.id));
    expect(declared.status).toBe(422);

    const tooLong = await buildSheet({ headers: TASK_SHEET_HEADERS, rows: generateTaskRows(5001, ['参与者'], seeded.department.name) });
    const refused = await upload(seeded.admin, seeded.space.id, tooLong);
    expect(refused).toMatchObject({ status: 422, body: { error: { fields: { file: ['行数超过一次导入的上限，请拆分后分批导入'] } } } });
    expect(await spaceTasks(seeded.space.id)).toEqual([]);
  });

  it('lets observers export but not import (403), and answers outsiders 404 for both', async () => {
    const seeded = await seedSpace();
    await seedTask(seeded);
    const { bytes } = await exportTaskTable(userActor(seeded.admin), seeded.space.id);
    expect((await upload(seeded.observer, seeded.space.id, bytes)).status).toBe(403);
    expect((await upload(seeded.outsider, seeded.space.id, bytes)).status).toBe(404);
    expect((await download(seeded.outsider, seeded.space.id)).status).toBe(404);
    expect((await upload(seeded.admin, 'not-a-space', bytes)).status).toBe(404);
    const anonymous = await exportRoute(new Request('http://localhost/api/v1/spaces/x/task-table'), routeContext(seeded.space.id));
    expect(anonymous.status).toBe(401);
  });
});

describe('importing many rows', () => {
  // The 5,000-row timing is a benchmark (npm run bench -- tasks); this checks the bulk path's behaviour.
  it('creates them in one go, numbered in sheet order, and a re-import of their export finds nothing to change', async () => {
    const seeded = await seedSpace();
    const rows = generateTaskRows(600, ['参与者', '负责人', '管理员'], seeded.department.name);
    const file = await buildSheet({ headers: TASK_SHEET_HEADERS.slice(1), rows });
    const actor = userActor(seeded.admin);
    expect(await importTaskTable(actor, seeded.space.id, file)).toEqual({ created: 600, updated: 0, unchanged: 0, rescheduled: 0 });
    const created = await spaceTasks(seeded.space.id);
    expect(created.map((t) => t.number)).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
    const { bytes } = await exportTaskTable(actor, seeded.space.id);
    expect(await importTaskTable(actor, seeded.space.id, bytes)).toEqual({ created: 0, updated: 0, unchanged: 600, rescheduled: 0 });
    const allEdited = await buildSheet({ headers: TASK_SHEET_HEADERS, rows: rows.map((row, i) => ({ ...row, 编号: i + 1, 备注: `第二轮 ${i}` })) });
    expect(await importTaskTable(actor, seeded.space.id, allEdited)).toMatchObject({ updated: 600 });
    expect((await spaceTasks(seeded.space.id))[599]!.notes).toBe('第二轮 599');
  });
});
