import { describe, expect, it } from 'vitest';
import { planProgressImport, type ExistingMilestone, type ProgressImportContext } from '@/lib/tasks/progress-import-plan';
import { readProgressSheet, riskFromLabel, writeProgressSheet } from '@/lib/tasks/progress-sheet';
import { buildSheet } from '../support/task-sheet-builder';

const owner = { id: '00000000-0000-4000-8000-000000000001', name: '张三' };
const milestone = (id: string, overrides: Partial<ExistingMilestone> = {}): ExistingMilestone => ({
  id, phase: '测试', name: '联调', plannedDate: '2031-01-10', actualDate: null, ownerId: owner.id, delayReason: null,
  riskOverride: null, blockedTasks: 0, overdueTasks: 0, ...overrides,
});
const context = (milestones: ExistingMilestone[]): ProgressImportContext => ({
  members: [owner], nameOf: (id) => (id === owner.id ? owner.name : undefined), milestones, today: '2026-12-01',
});

describe('the 项目进度表 sheet', () => {
  it('reads 风险预警 as written by the export, by hand or by the API', () => {
    expect(['绿色', '黄', 'RED', ' 红色 '].map(riskFromLabel)).toEqual(['green', 'yellow', 'red', 'red']);
    expect(riskFromLabel('紫色')).toBe('紫色');
  });

  it('matches rows that repeat a 阶段 and 关键节点 to those milestones in order, so such a table round-trips', async () => {
    const twins = [milestone('a', { plannedDate: '2031-01-10' }), milestone('b', { plannedDate: '2031-02-10' })];
    const bytes = await writeProgressSheet(twins.map((m) => ({ ...m, owner: owner.name, risk: 'green' as const })));
    const plan = planProgressImport(await readProgressSheet(bytes), context(twins));
    expect(plan).toEqual({ problems: [], creates: [], updates: [], unchanged: 2 });

    const swapped = await buildSheet({
      headers: ['阶段', '关键节点', '计划完成时间'],
      rows: [{ 阶段: '测试', 关键节点: '联调', 计划完成时间: '2031-03-01' }, { 阶段: '测试', 关键节点: '联调', 计划完成时间: '2031-02-10' }],
    });
    const moved = planProgressImport(await readProgressSheet(swapped), context(twins));
    expect(moved.updates.map((u) => [u.milestone.id, u.changes])).toEqual([['a', { plannedDate: '2031-03-01' }]]);
    expect(moved.unchanged).toBe(1);
  });

  it('matches by 关键节点 alone when the sheet has no 阶段 column, keeping the other columns’ values', async () => {
    const existing = [milestone('a', { phase: '实施', delayReason: '供应商延误', riskOverride: 'red' })];
    const sheet = await buildSheet({ headers: ['关键节点', '计划完成时间'], rows: [{ 关键节点: '联调', 计划完成时间: '2031-01-10' }, { 关键节点: '上线', 计划完成时间: '2031-05-01' }] });
    const plan = planProgressImport(await readProgressSheet(sheet), context(existing));
    expect(plan.unchanged).toBe(1);
    expect(plan.creates).toEqual([{ row: 3, fields: { phase: '', name: '上线', plannedDate: '2031-05-01', actualDate: null, ownerId: null, delayReason: null, riskOverride: null } }]);
  });

  it('updates a milestone whose 阶段 was filled in or corrected, matching it by 关键节点 when the pair is new', async () => {
    const existing = [milestone('a', { phase: '' }), milestone('b', { phase: '实施', name: '上线' })];
    const sheet = await buildSheet({
      headers: ['阶段', '关键节点', '计划完成时间'],
      rows: [{ 阶段: '测试', 关键节点: '联调', 计划完成时间: '2031-01-10' }, { 阶段: '发布', 关键节点: '上线', 计划完成时间: '2031-01-10' }, { 阶段: '发布', 关键节点: '上线', 计划完成时间: '2031-02-01' }],
    });
    const plan = planProgressImport(await readProgressSheet(sheet), context(existing));
    expect(plan.updates.map((u) => [u.row, u.milestone.id, u.changes.phase])).toEqual([[2, 'a', '测试'], [3, 'b', '发布']]);
    expect(plan.creates.map((c) => c.row)).toEqual([4]);
  });
});
