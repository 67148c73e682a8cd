import { describe, expect, it } from 'vitest';
import { zipUnpackedSize } from '@/lib/files/zip-size';
import { planTaskImport, type ExistingTask, type ImportContext } from '@/lib/tasks/task-import-plan';
import { cellDate, cellPositiveInteger, cellText, readCell } from '@/lib/sheets/cells';
import { columnForHeader } from '@/lib/sheets/columns';
import { indexByName, matchName, splitNames } from '@/lib/sheets/names';
import { readTaskSheet, writeTaskSheet, type ReadTaskSheet, type TaskSheetRow } from '@/lib/tasks/task-sheet';
import { priorityFromLabel, statusFromLabel, TASK_SHEET } from '@/lib/tasks/task-sheet-columns';
import { buildSheet, TASK_SHEET_HEADERS } from '../support/task-sheet-builder';

const ids = { zhang: '00000000-0000-4000-8000-000000000001', li: '00000000-0000-4000-8000-000000000002', wang: '00000000-0000-4000-8000-000000000003' };
const dept = { id: '00000000-0000-4000-8000-0000000000d1', name: '市场部' };

describe('reading cells', () => {
  it('reads dates written as dates, Excel day numbers or text in the usual Chinese forms', () => {
    expect(cellDate(new Date('2026-12-31T00:00:00Z'))).toBe('2026-12-31');
    expect(cellDate(46387)).toBe('2026-12-31');
    expect(cellDate('2026/1/5')).toBe('2026-01-05');
    expect(cellDate('2026年1月5日')).toBe('2026-01-05');
    expect(cellDate('2026.01.05 00:00:00')).toBe('2026-01-05');
    expect(cellDate('２０２６－０１－０５')).toBe('2026-01-05');
    // Not a date: returned as written, for the schema to refuse with its message.
    expect(cellDate('下周一')).toBe('下周一');
    expect(cellDate(99_999_999)).toBe('99999999');
    expect(cellDate(' ')).toBeUndefined();
  });

  it('reads 编号 as the export writes it or as people type it', () => {
    expect(cellPositiveInteger(12)).toBe(12);
    expect(cellPositiveInteger('#12')).toBe(12);
    expect(cellPositiveInteger(' 7 ')).toBe(7);
    expect([cellPositiveInteger(1.5), cellPositiveInteger('十二'), cellPositiveInteger(-3)]).toEqual([null, null, null]);
    expect(cellPositiveInteger(undefined)).toBeUndefined();
  });

  it('takes a formula’s cached result, and reports formulas without one and error values', () => {
    expect(readCell({ formula: 'A1+1', result: 3 })).toBe(3);
    expect(readCell({ sharedFormula: 'A2', result: '合并' } as never)).toBe('合并');
    expect(readCell({ formula: 'TODAY()' } as never)).toEqual({ problem: 'formulaWithoutResult' });
    expect(readCell({ formula: 'A1/0', result: { error: '#DIV/0!' } } as never)).toEqual({ problem: 'cellError', value: '#DIV/0!' });
    expect(readCell({ error: '#REF!' } as never)).toEqual({ problem: 'cellError', value: '#REF!' });
  });

  it('keeps the text of rich text and links, and HTML as the text it is', () => {
    expect(readCell({ richText: [{ text: '重' }, { text: '要', font: { bold: true } }] })).toBe('重要');
    expect(readCell({ text: '方案', hyperlink: 'https://example.com' })).toBe('方案');
    expect(cellText('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    expect(cellText(new Date('2026-03-01T00:00:00Z'))).toBe('2026-03-01');
  });

  it('splits people on 、 and other usual separators', () => {
    expect(splitNames('张三、李四,王五，赵六；钱七\n孙八')).toEqual(['张三', '李四', '王五', '赵六', '钱七', '孙八']);
    expect(splitNames(' 、 ')).toEqual([]);
  });

  it('accepts the Chinese labels and the API’s values for priority and status', () => {
    expect(['高', 'medium', 'LOW'].map(priorityFromLabel)).toEqual(['high', 'medium', 'low']);
    expect(['阻塞', 'in_progress', '暂停'].map(statusFromLabel)).toEqual(['blocked', 'in_progress', '暂停']);
  });

  it('finds columns by header text, forgiving spaces, stars, full-width letters and common synonyms', () => {
    expect(columnForHeader(TASK_SHEET, ' 任务 名称* ')?.key).toBe('name');
    expect(columnForHeader(TASK_SHEET, '截止日期')?.key).toBe('dueDate');
    expect(columnForHeader(TASK_SHEET, '交付物')?.key).toBe('deliverable');
    expect(columnForHeader(TASK_SHEET, '备注（选填）')?.key).toBe('notes');
    expect(columnForHeader(TASK_SHEET, '序号')).toBeUndefined();
  });
});

describe('matching names', () => {
  const members = indexByName([{ id: ids.zhang, name: '张三' }, { id: ids.li, name: '李四' }, { id: ids.wang, name: '李四' }]);

  it('matches exactly one person, and never guesses between namesakes', () => {
    expect(matchName(members, ' 张三 ')).toEqual({ id: ids.zhang });
    expect(matchName(members, '张')).toEqual({ problem: 'unknown' });
    expect(matchName(members, '李四')).toEqual({ problem: 'ambiguous' });
  });

  it('keeps the person a row already refers to, even among namesakes or after they left', () => {
    const nameOf = (id: string) => ({ [ids.wang]: '李四', gone: '周离职' })[id];
    expect(matchName(members, '李四', [ids.wang], nameOf)).toEqual({ id: ids.wang });
    expect(matchName(members, '周离职', ['gone'], nameOf)).toEqual({ id: 'gone' });
  });
});

describe('writing and reading the workbook', () => {
  const row: TaskSheetRow = {
    number: 3, name: '=1+1', assignee: '张三', helpers: ['李四', '王五'], department: '市场部', priority: 'high', dueDate: '2026-12-31',
    status: 'in_progress', deliverable: '@报告', notes: null, startDate: '2026-12-01', deliveryStandard: '第一行\n第二行',
  };

  it('round-trips a row: formula-like text stays text, dates stay days', async () => {
    const sheet = await readTaskSheet(await writeTaskSheet([row]));
    expect(sheet.headerRow).toBe(1);
    expect(sheet.rows).toEqual([{
      row: 2,
      cells: {
        number: 3, name: '=1+1', assignee: '张三', helpers: '李四、王五', department: '市场部', priority: '高',
        dueDate: new Date('2026-12-31T00:00:00Z'), status: '进行中', deliverable: '@报告', startDate: new Date('2026-12-01T00:00:00Z'),
        deliveryStandard: '第一行\n第二行',
      },
    }]);
  });

  it('finds the header under a title, in any order, and skips unknown columns and blank rows', async () => {
    const bytes = await buildSheet({
      above: [['项目任务表'], []],
      headers: ['备用', '截止时间', '任务名称', '负责人'],
      rows: [{ 备用: 'x', 任务名称: '甲', 负责人: '张三', 截止时间: '2026-12-01' }, {}, { 备用: '只在未知列' }, { 任务名称: '乙' }],
    });
    const sheet = await readTaskSheet(bytes);
    expect(sheet.headerRow).toBe(3);
    expect([...sheet.columns].sort()).toEqual(['assignee', 'dueDate', 'name']);
    expect(sheet.rows).toEqual([
      { row: 4, cells: { name: '甲', assignee: '张三', dueDate: '2026-12-01' } },
      { row: 7, cells: { name: '乙' } },
    ]);
  });

  it('refuses what is not an .xlsx before parsing it', async () => {
    await expect(readTaskSheet(new TextEncoder().encode('a,b\n1,2'))).rejects.toMatchObject({
      status: 422, fieldErrors: { file: ['sheets.problems.sheetUnreadable'] },
    });
    const real = await buildSheet({ headers: TASK_SHEET_HEADERS, rows: [] });
    expect(zipUnpackedSize(real)).toBeGreaterThan(real.length);
    expect(zipUnpackedSize(real.subarray(0, 100))).toBeNull();
  });
});

describe('planning an import', () => {
  const existing: ExistingTask = {
    id: '00000000-0000-4000-8000-0000000000a1', number: 1, name: '旧任务', priority: 'medium', status: 'todo', startDate: null,
    dueDate: '2026-12-10', assigneeId: ids.zhang, departmentId: dept.id, deliverable: null, notes: null, deliveryStandard: null, helperIds: [ids.li],
  };
  const context: ImportContext = {
    members: [{ id: ids.zhang, name: '张三', departmentId: dept.id }, { id: ids.li, name: '李四', departmentId: null }, { id: ids.wang, name: '李四', departmentId: null }],
    nameOf: (id) => ({ [ids.zhang]: '张三', [ids.li]: '李四', [ids.wang]: '李四' })[id],
    departments: [dept],
    tasks: [existing],
  };
  const sheet = (rows: ReadTaskSheet['rows']): ReadTaskSheet => ({
    headerRow: 1, columns: new Set(['number', 'name', 'assignee', 'helpers', 'department', 'dueDate', 'status', 'priority']), rows,
  });

  it('finds an unchanged row unchanged, even with an ambiguous helper it already had', () => {
    const plan = planTaskImport(sheet([{ row: 2, cells: { number: 1, name: '旧任务', assignee: '张三', helpers: '李四', department: '市场部', dueDate: '2026-12-10', priority: '中', status: '待开始' } }]), context);
    expect(plan).toEqual({ problems: [], creates: [], updates: [], unchanged: 1 });
  });

  it('plans only what differs, and defaults a new task’s department to its assignee’s', () => {
    const plan = planTaskImport(sheet([
      { row: 2, cells: { number: 1, name: '旧任务', assignee: '张三', helpers: '李四', department: '市场部', dueDate: '2026-12-12' } },
      { row: 3, cells: { name: '新任务', assignee: '张三', dueDate: '2026-12-20', priority: 'high' } },
    ]), context);
    expect(plan.problems).toEqual([]);
    expect(plan.updates).toEqual([{ row: 2, task: existing, changes: { dueDate: '2026-12-12' } }]);
    expect(plan.creates).toEqual([{
      row: 3, helperIds: [],
      fields: {
        name: '新任务', priority: 'high', status: 'todo', startDate: null, dueDate: '2026-12-20', assigneeId: ids.zhang,
        departmentId: dept.id, deliverable: null, notes: null, deliveryStandard: null,
      },
    }]);
  });

  it('reports a second assignee, a namesake, a repeated 编号 and a blank name, each on its column', () => {
    const plan = planTaskImport(sheet([
      { row: 2, cells: { number: 1, name: '旧任务', assignee: '张三、李四', dueDate: '2026-12-10' } },
      { row: 3, cells: { number: 1, name: '', assignee: '李四', dueDate: '2026-12-10' } },
    ]), context);
    expect(plan.problems).toEqual([
      { row: 2, column: '负责人', messageKey: 'taskTable.problems.assigneeOnlyOne' },
      { row: 3, column: '编号', messageKey: 'taskTable.problems.numberDuplicate', values: { number: 1, firstRow: 2 } },
      { row: 3, column: '负责人', messageKey: 'sheets.problems.personAmbiguous', values: { name: '李四' } },
      { row: 3, column: '任务名称', messageKey: 'sheets.problems.required' },
    ]);
  });
});
