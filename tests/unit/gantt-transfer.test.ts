import { describe, expect, it } from 'vitest';
import type { GanttData } from '@/lib/tasks/gantt';
import { packGantt, unpackGanttRows } from '@/lib/tasks/gantt-transfer';

const data: GanttData = {
  tasks: [
    { id: 'a', number: 1, name: '需求评审', status: 'in_progress', startDate: '2026-12-30', dueDate: '2027-01-03', isMilestone: false, assigneeName: '张伟', parentId: null, depth: 0 },
    { id: 'b', number: 4, name: '上线', status: 'blocked', startDate: null, dueDate: '2027-02-01', isMilestone: true, assigneeName: '王芳', parentId: 'a', depth: 1 },
    { id: 'c', number: 2, name: '复盘', status: 'done', startDate: '2027-02-02', dueDate: '2027-02-02', isMilestone: false, assigneeName: '张伟', parentId: null, depth: 0 },
  ],
  links: [{ from: 1, to: 2 }],
  critical: [1, 2],
  total: 7,
};

describe('the Gantt data on its way to the browser', () => {
  it('comes back as the same rows, without the parent ids the order already carries', () => {
    const packed = packGantt(data);
    expect(unpackGanttRows(JSON.parse(JSON.stringify(packed)))).toEqual(data.tasks.map(({ parentId: _parentId, ...row }) => row));
    expect(packed).toMatchObject({ links: [[1, 2]], critical: [1, 2], total: 7, people: ['张伟', '王芳'] });
  });

  it('is much smaller than the rows as objects', () => {
    const many: GanttData = { ...data, tasks: Array.from({ length: 1000 }, (_, i) => ({ ...data.tasks[i % 3]!, id: crypto.randomUUID(), number: i + 1 })) };
    expect(JSON.stringify(packGantt(many)).length).toBeLessThan(JSON.stringify(many).length / 2);
  });

  it('packs a space without rows', () => {
    expect(unpackGanttRows(packGantt({ tasks: [], links: [], critical: [], total: 0 }))).toEqual([]);
  });
});
