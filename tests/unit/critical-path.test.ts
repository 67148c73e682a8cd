import { describe, expect, it } from 'vitest';
import { criticalTaskIds } from '@/lib/tasks/critical-path';
import type { DependencyEdge, ScheduledTask } from '@/lib/tasks/schedule';

const task = (id: string, startDate: string | null, dueDate: string): ScheduledTask => ({ id, startDate, dueDate });
const after = (taskId: string, dependsOnId: string): DependencyEdge => ({ taskId, dependsOnId });
const sorted = (ids: Set<string>) => [...ids].sort();

describe('the critical path', () => {
  it('is empty for a space without tasks', () => {
    expect(sorted(criticalTaskIds([], []))).toEqual([]);
  });

  it('follows a tight chain back from the latest due date', () => {
    const tasks = [task('a', '2026-12-01', '2026-12-03'), task('b', '2026-12-04', '2026-12-08'), task('c', '2026-12-09', '2026-12-12')];
    expect(sorted(criticalTaskIds(tasks, [after('b', 'a'), after('c', 'b')]))).toEqual(['a', 'b', 'c']);
  });

  it('leaves out a predecessor that finishes early enough to slip', () => {
    const tasks = [task('a', '2026-12-01', '2026-12-03'), task('b', '2026-12-10', '2026-12-12')];
    expect(sorted(criticalTaskIds(tasks, [after('b', 'a')]))).toEqual(['b']);
  });

  it('takes the longer branch and leaves the shorter one with slack', () => {
    const tasks = [
      task('start', '2026-12-01', '2026-12-02'),
      task('long', '2026-12-03', '2026-12-10'),
      task('short', '2026-12-03', '2026-12-05'),
      task('end', '2026-12-11', '2026-12-11'),
    ];
    const edges = [after('long', 'start'), after('short', 'start'), after('end', 'long'), after('end', 'short')];
    expect(sorted(criticalTaskIds(tasks, edges))).toEqual(['end', 'long', 'start']);
  });

  it('marks every task due last when nothing depends on anything', () => {
    const tasks = [task('a', '2026-12-01', '2026-12-20'), task('b', null, '2026-12-20'), task('c', '2026-12-01', '2026-12-19')];
    expect(sorted(criticalTaskIds(tasks, []))).toEqual(['a', 'b']);
  });

  it('keeps both chains when two end on the same day', () => {
    const tasks = [
      task('a1', '2026-12-01', '2026-12-05'), task('a2', '2026-12-06', '2026-12-10'),
      task('b1', '2026-12-01', '2026-12-07'), task('b2', '2026-12-08', '2026-12-10'),
      task('loose', '2026-12-01', '2026-12-02'),
    ];
    expect(sorted(criticalTaskIds(tasks, [after('a2', 'a1'), after('b2', 'b1')]))).toEqual(['a1', 'a2', 'b1', 'b2']);
  });

  it('counts a task without a start date as one day on its due date', () => {
    const tasks = [task('a', null, '2026-12-03'), task('b', null, '2026-12-04')];
    expect(sorted(criticalTaskIds(tasks, [after('b', 'a')]))).toEqual(['a', 'b']);
  });

  it('marks a predecessor that already overruns its successor’s start', () => {
    const tasks = [task('a', '2026-12-01', '2026-12-06'), task('b', '2026-12-04', '2026-12-08'), task('c', '2026-12-01', '2026-12-08')];
    expect(criticalTaskIds(tasks, [after('b', 'a')]).has('a')).toBe(true);
  });

  it('ignores edges to unknown tasks and survives a loop in bad data', () => {
    const tasks = [task('a', '2026-12-01', '2026-12-03'), task('b', '2026-12-04', '2026-12-05'), task('c', '2026-12-06', '2026-12-09')];
    const edges = [after('a', 'b'), after('b', 'a'), after('c', 'gone'), after('c', 'b')];
    expect(criticalTaskIds(tasks, edges).has('c')).toBe(true);
  });

  it('walks a long chain quickly', () => {
    const tasks = Array.from({ length: 5000 }, (_, i) => task(`t${i}`, null, new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10)));
    const edges = tasks.slice(1).map((t, i) => after(t.id, `t${i}`));
    const began = performance.now();
    expect(criticalTaskIds(tasks, edges).size).toBe(5000);
    expect(performance.now() - began).toBeLessThan(200);
  });
});
