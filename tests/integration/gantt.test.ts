import { beforeEach, describe, expect, it, vi } from 'vitest';
import { userActor } from '@/lib/auth/actor';
import { getCriticalNumbers, getGanttData } from '@/lib/tasks/gantt';
import { rescheduleTaskAction } from '@/lib/tasks/gantt-actions';
import { getTask } from '@/lib/tasks/queries';
import { lenientTaskFilters } from '@/lib/tasks/schema';
import { updateTask } from '@/lib/tasks/service';
import { seedGanttPlan } from '../support/gantt-seed';
import { setupTestDatabase } from './support/database';
import { seedSpace, seedTask } from './support/factories';
import { cookieJar, signInAs } from './support/session';

vi.mock('next/headers', async () => (await import('./support/session')).cookieJarModule());

const database = setupTestDatabase();
const TODAY = '2026-12-10';
const noFilters = lenientTaskFilters({});
beforeEach(() => cookieJar.clear());

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as { status: number };
  }
  throw new Error('expected a rejection');
}

/** Design → build → launch, plus a side task with slack and a subtask of the design. */
async function seedPlan() {
  const seeded = await seedSpace();
  const design = await seedTask(seeded, { name: '方案设计', startDate: '2026-12-01', dueDate: '2026-12-05' });
  const build = await seedTask(seeded, { name: '开发', startDate: '2026-12-06', dueDate: '2026-12-15', dependsOnIds: [design.id], assigneeId: seeded.owner.id });
  const launch = await seedTask(seeded, { name: '上线', dueDate: '2026-12-16', dependsOnIds: [build.id], isMilestone: true, status: 'todo' });
  const side = await seedTask(seeded, { name: '培训材料', startDate: '2026-12-06', dueDate: '2026-12-08', dependsOnIds: [design.id], status: 'done' });
  const sketch = await seedTask(seeded, { name: '草图', startDate: '2026-12-01', dueDate: '2026-12-02', parentId: design.id });
  return { seeded, design, build, launch, side, sketch };
}

describe('the Gantt data of a space', () => {
  it('returns compact rows with parents before their subtasks, the arrows and the critical path', async () => {
    const { seeded, design, launch } = await seedPlan();
    const data = await getGanttData(userActor(seeded.observer), seeded.space.id, noFilters, TODAY);
    expect(data.total).toBe(5);
    expect(data.tasks.map((t) => [t.number, t.depth])).toEqual([[1, 0], [5, 1], [2, 0], [3, 0], [4, 0]]);
    expect(data.tasks[0]).toEqual({
      id: design.id, number: 1, name: '方案设计', status: 'todo', startDate: '2026-12-01', dueDate: '2026-12-05',
      isMilestone: false, assigneeName: '参与者', parentId: null, depth: 0,
    });
    expect(data.tasks.find((t) => t.id === launch.id)).toMatchObject({ startDate: null, dueDate: '2026-12-16', isMilestone: true });
    expect(Object.keys(data.tasks[0]!)).not.toContain('description');
    expect(data.links).toEqual(expect.arrayContaining([{ from: 1, to: 2 }, { from: 2, to: 3 }, { from: 1, to: 4 }]));
    expect(data.links).toHaveLength(3);
    expect(data.critical.sort()).toEqual([1, 2, 3]);
  });

  it('applies the shared filters to the rows and arrows but keeps the whole space’s critical path', async () => {
    const { seeded } = await seedPlan();
    const byOwner = await getGanttData(userActor(seeded.admin), seeded.space.id, lenientTaskFilters({ assigneeId: seeded.owner.id }), TODAY);
    expect(byOwner.tasks.map((t) => t.number)).toEqual([2]);
    expect(byOwner.links).toEqual([]);
    expect(byOwner.critical).toEqual([2]);
    expect(byOwner.total).toBe(5);

    const overdue = await getGanttData(userActor(seeded.admin), seeded.space.id, lenientTaskFilters({ overdue: 'true' }), TODAY);
    expect(overdue.tasks.map((t) => t.number)).toEqual([1, 5]);

    const search = await getGanttData(userActor(seeded.admin), seeded.space.id, lenientTaskFilters({ q: '开发', status: 'todo,in_progress' }), TODAY);
    expect(search.tasks.map((t) => t.name)).toEqual(['开发']);

    const subtaskOnly = await getGanttData(userActor(seeded.admin), seeded.space.id, lenientTaskFilters({ q: '草图' }), TODAY);
    expect(subtaskOnly.tasks).toMatchObject([{ number: 5, depth: 0 }]);
  });

  it('is a 404 for people outside the space, and for a space that does not exist', async () => {
    const { seeded } = await seedPlan();
    expect((await rejection(getGanttData(userActor(seeded.outsider), seeded.space.id, noFilters, TODAY))).status).toBe(404);
    expect((await rejection(getGanttData(userActor(seeded.admin), crypto.randomUUID(), noFilters, TODAY))).status).toBe(404);
    expect((await rejection(getGanttData(userActor(seeded.admin), 'not-a-uuid', noFilters, TODAY))).status).toBe(404);
    expect((await rejection(getCriticalNumbers(userActor(seeded.outsider), seeded.space.id))).status).toBe(404);
  });

  it('moves the critical path when a side task becomes the one that sets the end', async () => {
    const { seeded, side } = await seedPlan();
    await updateTask(userActor(seeded.participant), side.id, { dueDate: '2026-12-20' });
    expect(await getCriticalNumbers(userActor(seeded.observer), seeded.space.id)).toEqual([1, 4]);
  });

  it('shows an empty space as no rows', async () => {
    const seeded = await seedSpace();
    expect(await getGanttData(userActor(seeded.admin), seeded.space.id, noFilters, TODAY)).toEqual({ tasks: [], links: [], critical: [], total: 0 });
  });

  it('reads a space of thousands of tasks in one pass', async () => {
    const seeded = await seedSpace();
    await seedGanttPlan(database.handle.db, { spaceId: seeded.space.id, assigneeIds: [seeded.participant.id, seeded.owner.id], tasks: 2000, dependencies: 200 });
    const data = await getGanttData(userActor(seeded.admin), seeded.space.id, noFilters, TODAY);
    expect(data.tasks).toHaveLength(2000);
    expect(data.links).toHaveLength(200);
    expect(data.critical.length).toBeGreaterThan(0);
    expect(new Set(data.tasks.map((t) => t.number)).size).toBe(2000);
  });
});

describe('rescheduling from the Gantt chart', () => {
  it('moves a task, pushes the tasks that wait on it and returns the new critical path', async () => {
    const { seeded, design, build, launch, side } = await seedPlan();
    await signInAs(seeded.participant);
    const result = await rescheduleTaskAction(design.id, { startDate: '2026-12-03', dueDate: '2026-12-07' });
    expect(result).toEqual({
      ok: true,
      data: {
        task: { id: design.id, startDate: '2026-12-03', dueDate: '2026-12-07' },
        rescheduled: expect.arrayContaining([
          { id: build.id, startDate: '2026-12-08', dueDate: '2026-12-17' },
          { id: side.id, startDate: '2026-12-08', dueDate: '2026-12-10' },
          { id: launch.id, startDate: null, dueDate: '2026-12-18' },
        ]),
        critical: [1, 2, 3],
      },
    });
  });

  it('refuses a start before a predecessor is due with the rule in the user’s language, and changes nothing', async () => {
    const { seeded, build } = await seedPlan();
    await signInAs(seeded.participant);
    const result = await rescheduleTaskAction(build.id, { startDate: '2026-12-04', dueDate: '2026-12-13' });
    expect(result).toMatchObject({ ok: false, message: '任务不能在前置任务截止之前开始。' });
    expect((await getTask(userActor(seeded.admin), build.id)).task).toMatchObject({ startDate: '2026-12-06', dueDate: '2026-12-15' });
  });

  it('names the problem of a malformed date rather than the form’s general message', async () => {
    const { seeded, build } = await seedPlan();
    await signInAs(seeded.participant);
    expect(await rescheduleTaskAction(build.id, { startDate: '2026-12-20', dueDate: '2026-12-13' })).toMatchObject({ ok: false, message: '截止日期不能早于开始日期。' });
    expect(await rescheduleTaskAction(build.id, { startDate: null, dueDate: '12/20' })).toMatchObject({ ok: false, message: '请输入有效的日期（YYYY-MM-DD）' });
  });

  it('leaves the permission check to the service: observers, outsiders and strangers are refused', async () => {
    const { seeded, build } = await seedPlan();
    await signInAs(seeded.observer);
    expect(await rescheduleTaskAction(build.id, { startDate: '2026-12-07', dueDate: '2026-12-16' })).toMatchObject({ ok: false, message: '你没有执行此操作的权限。' });
    await signInAs(seeded.outsider);
    expect(await rescheduleTaskAction(build.id, { startDate: '2026-12-07', dueDate: '2026-12-16' })).toMatchObject({ ok: false, message: '未找到该内容，或你没有访问权限。' });
    cookieJar.clear();
    expect(await rescheduleTaskAction(build.id, { startDate: '2026-12-07', dueDate: '2026-12-16' })).toMatchObject({ ok: false, message: '请先登录。' });
    expect((await getTask(userActor(seeded.admin), build.id)).task.startDate).toBe('2026-12-06');
  });

  it('changes only the dates, whatever else is sent', async () => {
    const { seeded, side } = await seedPlan();
    await signInAs(seeded.participant);
    const sneaky = { startDate: '2026-12-07', dueDate: '2026-12-09', name: '改名', status: 'blocked' } as { startDate: string; dueDate: string };
    expect(await rescheduleTaskAction(side.id, sneaky)).toMatchObject({ ok: true });
    expect((await getTask(userActor(seeded.admin), side.id)).task).toMatchObject({ name: '培训材料', status: 'done', startDate: '2026-12-07' });
  });
});
