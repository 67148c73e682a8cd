import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { auditEvents, milestones } from '@/db/schema';
import { userActor } from '@/lib/auth/actor';
import { archiveSpace } from '@/lib/spaces/service';
import { createMilestone } from '@/lib/tasks/milestones';
import { exportProgressTable } from '@/lib/tasks/progress-table';
import { GET as exportRoute, POST as importRoute } from '@/app/api/v1/spaces/[spaceId]/progress-table/route';
import { buildSheet, editSheet, sheetValues } from '../support/task-sheet-builder';
import { setupTestDatabase } from './support/database';
import { seedSpace, seedTask } from './support/factories';
import { sheetRoutes } from './support/sheet-routes';

// Route handlers read the session cookie through next/headers; these requests carry none.
vi.mock('next/headers', () => ({
  cookies: async () => ({ has: () => false, get: () => undefined }),
  headers: async () => new Headers(),
}));

const database = setupTestDatabase();
const { download, upload } = sheetRoutes('progress-table', { GET: exportRoute, POST: importRoute });

type Seeded = Awaited<ReturnType<typeof seedSpace>>;

const HEADERS = ['阶段', '关键节点', '计划完成时间', '实际完成时间', '负责人', '延期原因', '风险预警'];
// Far from today either way, so the computed risk does not depend on when the tests run.
const FUTURE = '2031-06-30';
const PAST = '2021-03-31';

async function spaceMilestones(spaceId: string) {
  return database.handle.db.select().from(milestones).where(eq(milestones.spaceId, spaceId)).orderBy(asc(milestones.plannedDate), asc(milestones.position));
}

/** Three rows: finished late with a reason, past and unfinished (red), future with a hand-set yellow. */
async function seedThreeMilestones(seeded: Seeded) {
  const actor = userActor(seeded.admin);
  await createMilestone(actor, seeded.space.id, {
    phase: '方案设计', name: '研发方案定稿', plannedDate: '2021-01-10', actualDate: '2021-01-12', ownerId: seeded.owner.id, delayReason: '客户需求变更',
  });
  await createMilestone(actor, seeded.space.id, { phase: '需求调研', name: '=完成用户需求报告', plannedDate: PAST, ownerId: seeded.participant.id });
  await createMilestone(actor, seeded.space.id, { phase: '市场预热', name: '宣传素材发布', plannedDate: FUTURE, riskOverride: 'yellow' });
}

describe('exporting the 项目进度表', () => {
  it('downloads the rows in table order with the template’s headers, names, real dates and coloured risk labels', async () => {
    const seeded = await seedSpace({ name: '新品/上市' });
    await seedThreeMilestones(seeded);
    const response = await download(seeded.participant, seeded.space.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(decodeURIComponent(response.headers.get('content-disposition')!.split("UTF-8''")[1]!)).toMatch(/^项目进度表-新品_上市-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const { name, rows, workbook } = await sheetValues(new Uint8Array(await response.arrayBuffer()));
    expect(name).toBe('项目进度表');
    expect(rows).toEqual([
      HEADERS,
      ['方案设计', '研发方案定稿', new Date('2021-01-10T00:00:00Z'), new Date('2021-01-12T00:00:00Z'), '负责人', '客户需求变更', '黄色'],
      ['需求调研', '=完成用户需求报告', new Date(`${PAST}T00:00:00Z`), null, '参与者', null, '红色'],
      ['市场预热', '宣传素材发布', new Date(`${FUTURE}T00:00:00Z`), null, null, null, '黄色'],
    ].map((row) => row.map((cell) => cell ?? undefined)));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('G3').fill).toMatchObject({ fgColor: { argb: 'FFFEE2E2' } });
    // Text that looks like a formula is written as text.
    expect(sheet.getCell('B3').type).toBe(3);
  });
});

describe('importing the 项目进度表', () => {
  it('re-importing an exported table changes nothing, and keeps computed risks computed', async () => {
    const seeded = await seedSpace();
    await seedThreeMilestones(seeded);
    const before = await spaceMilestones(seeded.space.id);
    const { bytes } = await exportProgressTable(userActor(seeded.admin), seeded.space.id);
    expect(await upload(seeded.owner, seeded.space.id, bytes)).toEqual({ status: 200, body: { created: 0, updated: 0, unchanged: 3 } });
    expect(await spaceMilestones(seeded.space.id)).toEqual(before);
    expect(before.map((m) => m.riskOverride)).toEqual([null, null, 'yellow']);
  });

  it('updates the rows it matches by 阶段 and 关键节点 where they differ, adds new rows and deletes nothing', async () => {
    const seeded = await seedSpace();
    await seedThreeMilestones(seeded);
    const { bytes } = await exportProgressTable(userActor(seeded.admin), seeded.space.id);
    const edited = await editSheet(bytes, {
      // Row 3 (past, red): finished on time now, by someone else; its risk left for the dates to decide.
      D3: new Date(`${PAST}T00:00:00Z`), E3: '管理员', G3: null,
      // Row 4 (future, hand-set yellow): red by hand.
      G4: '红',
      // A new row under the others.
      A5: '上线', B5: '正式发布', C5: '2031-07-15', E5: '负责人', G5: '绿色',
    });
    const result = await upload(seeded.owner, seeded.space.id, edited);
    expect(result).toEqual({ status: 200, body: { created: 1, updated: 2, unchanged: 1 } });
    const after = await spaceMilestones(seeded.space.id);
    expect(after.map((m) => [m.name, m.actualDate, m.ownerId, m.riskOverride])).toEqual([
      ['研发方案定稿', '2021-01-12', seeded.owner.id, null],
      ['=完成用户需求报告', PAST, seeded.admin.id, null],
      ['宣传素材发布', null, null, 'red'],
      // 绿色 is what the dates give: kept computed, not pinned.
      ['正式发布', null, seeded.owner.id, null],
    ]);
    const [audit] = await database.handle.db.select().from(auditEvents)
      .where(and(eq(auditEvents.spaceId, seeded.space.id), eq(auditEvents.action, 'milestone.import')));
    expect(audit?.data).toEqual({ created: 1, updated: 2, unchanged: 1 });
  });

  it('imports the guide’s template as people fill it in: a bracketed header, dashes for empty cells, 绿色 and 黄色', async () => {
    const seeded = await seedSpace();
    const file = await buildSheet({
      headers: ['阶段', '关键节点', '计划完成时间', '实际完成时间', '负责人', '延期原因(如有)', '风险预警'],
      rows: [
        { 阶段: '需求调研', 关键节点: '完成用户需求报告', 计划完成时间: '2031-06-30', 实际完成时间: '-', 负责人: '负责人', '延期原因(如有)': '-', 风险预警: '绿色' },
        { 阶段: '方案设计', 关键节点: '研发方案定稿', 计划完成时间: '2021/7/10', 实际完成时间: '2021年7月12日', 负责人: '参与者', '延期原因(如有)': '客户需求变更', 风险预警: '黄色' },
      ],
    });
    expect(await upload(seeded.admin, seeded.space.id, file)).toEqual({ status: 200, body: { created: 2, updated: 0, unchanged: 0 } });
    const rows = await spaceMilestones(seeded.space.id);
    expect(rows.map((m) => [m.phase, m.name, m.plannedDate, m.actualDate, m.delayReason, m.riskOverride])).toEqual([
      ['方案设计', '研发方案定稿', '2021-07-10', '2021-07-12', '客户需求变更', null],
      ['需求调研', '完成用户需求报告', '2031-06-30', null, null, null],
    ]);
  });

  it('reports every problem of a broken sheet with its row and column, and writes nothing', async () => {
    const seeded = await seedSpace();
    await seedThreeMilestones(seeded);
    const before = await spaceMilestones(seeded.space.id);
    const file = await buildSheet({
      above: [['项目进度表']],
      headers: HEADERS,
      rows: [
        { 阶段: '方案设计', 关键节点: '研发方案定稿', 计划完成时间: '2021-01-10', 实际完成时间: '2021-01-20', 延期原因: '' },
        { 关键节点: '', 计划完成时间: '2031-01-01', 负责人: '没有这个人' },
        { 关键节点: '验收', 计划完成时间: '下个月', 风险预警: '紫色' },
        { 关键节点: '培训', 计划完成时间: { formula: 'TODAY()' }, 负责人: '局外人' },
      ],
    });
    const result = await upload(seeded.admin, seeded.space.id, file);
    expect(result.status).toBe(422);
    expect(result.body.error.message).toBe('表格中有需要修改的地方，未导入任何内容。请修改后重新上传。');
    expect(result.body.error.rows).toEqual([
      { row: 3, column: '延期原因', message: '实际完成时间晚于计划完成时间，请填写延期原因' },
      { row: 4, column: '负责人', message: '空间成员中没有“没有这个人”' },
      { row: 4, column: '关键节点', message: '此项为必填项' },
      { row: 5, column: '风险预警', message: '风险预警须为绿色、黄色或红色，或留空自动判断' },
      { row: 5, column: '计划完成时间', message: '日期无效，请写成 2026-12-31 这样的格式' },
      { row: 6, column: '计划完成时间', message: '公式没有计算结果：请在 Excel 中重新计算后保存，或直接填写值' },
      { row: 6, column: '负责人', message: '空间成员中没有“局外人”' },
    ]);
    expect(await spaceMilestones(seeded.space.id)).toEqual(before);
  });

  it('reports the required columns a sheet lacks, and a file that is not a workbook', async () => {
    const seeded = await seedSpace();
    const noDates = await buildSheet({ headers: ['阶段', '关键节点'], rows: [{ 阶段: '甲', 关键节点: '乙' }] });
    expect((await upload(seeded.admin, seeded.space.id, noDates, 'en')).body.error.rows).toEqual([
      { row: 1, column: '计划完成时间', message: 'This required column is missing' },
    ]);
    const notExcel = await upload(seeded.admin, seeded.space.id, new TextEncoder().encode('阶段,关键节点'));
    expect(notExcel).toMatchObject({ status: 422, body: { error: { fields: { file: ['无法读取该文件，请上传 Excel 格式（.xlsx）的表格'] } } } });
    expect(await spaceMilestones(seeded.space.id)).toEqual([]);
  });

  it('lets members export; only owners and space admins import; outsiders get 404; an archived space refuses imports', async () => {
    const seeded = await seedSpace();
    await seedTask(seeded);
    await seedThreeMilestones(seeded);
    const { bytes } = await exportProgressTable(userActor(seeded.admin), seeded.space.id);
    expect((await download(seeded.observer, seeded.space.id)).status).toBe(200);
    expect((await upload(seeded.participant, seeded.space.id, bytes)).status).toBe(403);
    expect((await upload(seeded.observer, seeded.space.id, bytes)).status).toBe(403);
    expect((await upload(seeded.outsider, seeded.space.id, bytes)).status).toBe(404);
    expect((await download(seeded.outsider, seeded.space.id)).status).toBe(404);
    await archiveSpace(userActor(seeded.admin), seeded.space.id);
    expect((await upload(seeded.admin, seeded.space.id, bytes)).status).toBe(403);
    expect((await download(seeded.admin, seeded.space.id)).status).toBe(200);
  });
});
