import { describe, expect, it } from 'vitest';
import { cascadeSuccessors, earliestStart, wouldCreateCycle, type ScheduledTask } from '@/lib/tasks/schedule';

const plan = (...tasks: ScheduledTask[]) => new Map(tasks.map((t) => [t.id, t]));

describe('finish-to-start scheduling', () => {
  it('finds loops through any number of steps, and only real ones', () => {
    const edges = [{ taskId: 'b', dependsOnId: 'a' }, { taskId: 'c', dependsOnId: 'b' }];
    expect(wouldCreateCycle(edges, 'a', ['c'])).toBe(true);
    expect(wouldCreateCycle(edges, 'a', ['a'])).toBe(true);
    expect(wouldCreateCycle(edges, 'c', ['a'])).toBe(false);
    // Replacing b's own predecessors is not a loop through its old ones.
    expect(wouldCreateCycle(edges, 'b', ['c'])).toBe(true);
    expect(wouldCreateCycle([{ taskId: 'b', dependsOnId: 'a' }], 'b', ['a'])).toBe(false);
  });

  it('lets a task start the day after its latest predecessor is due', () => {
    const tasks = plan({ id: 'a', startDate: null, dueDate: '2026-12-03' }, { id: 'b', startDate: '2026-12-01', dueDate: '2026-12-09' });
    expect(earliestStart(tasks, ['a', 'b'])).toBe('2026-12-10');
    expect(earliestStart(tasks, [])).toBeNull();
  });

  it('pushes waiting tasks later along a chain, keeping lengths, and leaves tasks that still fit', () => {
    const tasks = plan(
      { id: 'a', startDate: '2026-12-01', dueDate: '2026-12-10' },
      { id: 'b', startDate: '2026-12-04', dueDate: '2026-12-06' },
      { id: 'c', startDate: null, dueDate: '2026-12-07' },
      { id: 'd', startDate: '2026-12-20', dueDate: '2026-12-21' },
    );
    const edges = [
      { taskId: 'b', dependsOnId: 'a' }, { taskId: 'c', dependsOnId: 'b' }, { taskId: 'd', dependsOnId: 'a' },
    ];
    expect(cascadeSuccessors(tasks, edges, 'a')).toEqual([
      { id: 'b', startDate: '2026-12-11', dueDate: '2026-12-13' },
      { id: 'c', startDate: null, dueDate: '2026-12-14' },
    ]);
  });
});
