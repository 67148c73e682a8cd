import { describe, expect, it, vi } from 'vitest';
import * as spaceTasksRoute from '@/app/api/v1/spaces/[spaceId]/tasks/route';
import * as taskRoute from '@/app/api/v1/tasks/[taskId]/route';
import * as blockersRoute from '@/app/api/v1/tasks/[taskId]/blockers/route';
import * as resolveRoute from '@/app/api/v1/task-issues/[issueId]/resolve/route';
import { taskDetailSchema, taskListItemSchema } from '@/lib/tasks/resources';
import { call, tokenOf } from './support/api-client';
import { setupTestDatabase } from './support/database';
import { seedSpace, seedTask } from './support/factories';

vi.mock('next/headers', () => ({
  cookies: async () => ({ has: () => false, get: () => undefined }),
  headers: async () => new Headers(),
}));

setupTestDatabase();

describe('the tasks API', () => {
  it('creates a task and answers in the documented shape; lists it with filters and a cursor', async () => {
    const seeded = await seedSpace();
    const token = await tokenOf(seeded.owner);
    const created = await call(spaceTasksRoute.POST, {
      token,
      params: { spaceId: seeded.space.id },
      body: {
        name: '市场推广方案设计', description: '明确目标人群与渠道', deliveryStandard: '推广方案 PPT 定稿', priority: 'high',
        startDate: '2026-12-01', dueDate: '2026-12-15', assigneeId: seeded.participant.id, helperIds: [seeded.owner.id], deliverable: '推广方案PPT',
      },
    });
    expect(created.status).toBe(201);
    const task = taskDetailSchema.parse(created.body.task);
    expect(task).toMatchObject({ number: 1, status: 'todo', assignee: { id: seeded.participant.id, name: '参与者' }, helpers: [{ id: seeded.owner.id }] });
    expect(task.description).toMatchObject({ type: 'doc' });
    expect(task.permissions).toContain('task.delete');

    for (const name of ['第二项', '第三项']) await seedTask(seeded, { name });
    const first = await call(spaceTasksRoute.GET, { token, params: { spaceId: seeded.space.id }, query: '?limit=2&sort=number' });
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(3);
    expect(first.body.data.map((t: unknown) => taskListItemSchema.parse(t).name)).toEqual(['市场推广方案设计', '第二项']);
    const second = await call(spaceTasksRoute.GET, { token, params: { spaceId: seeded.space.id }, query: `?limit=2&sort=number&cursor=${first.body.nextCursor}` });
    expect(second.body).toMatchObject({ data: [{ name: '第三项' }], nextCursor: null });
    const filtered = await call(spaceTasksRoute.GET, { token, params: { spaceId: seeded.space.id }, query: '?priority=high&status=todo,in_progress' });
    expect(filtered.body.data.map((t: { number: number }) => t.number)).toEqual([1]);
  });

  it('answers bad input with 4xx and field messages, never a 500', async () => {
    const seeded = await seedSpace();
    const token = await tokenOf(seeded.admin);
    const params = { spaceId: seeded.space.id };
    const two = await call(spaceTasksRoute.POST, { token, params, body: { name: '任务', dueDate: '2026-12-10', assigneeId: [seeded.admin.id, seeded.owner.id] } });
    expect(two).toMatchObject({ status: 422, body: { error: { code: 'invalid', fields: { assigneeId: ['Only one person can be responsible for a task'] } } } });
    const badJson = await call(spaceTasksRoute.POST, { token, params, raw: '{"name":' });
    expect(badJson.status).toBe(400);
    const badFilter = await call(spaceTasksRoute.GET, { token, params, query: '?status=paused&cursor=xyz' });
    expect(badFilter.status).toBe(422);
    expect(Object.keys(badFilter.body.error.fields)).toEqual(expect.arrayContaining(['status.0']));
    const task = await seedTask(seeded);
    const blocked = await call(taskRoute.PATCH, { token, params: { taskId: task.id }, body: { status: 'blocked' } });
    expect(blocked.status).toBe(422);
    expect(Object.keys(blocked.body.error.fields).sort()).toEqual(['issue.proposedSolution', 'issue.reason']);
    const missing = await call(taskRoute.GET, { token, params: { taskId: crypto.randomUUID() } });
    expect(missing.status).toBe(404);
  });

  it('blocks a task through /blockers and resolves the entry through /task-issues', async () => {
    const seeded = await seedSpace();
    const token = await tokenOf(seeded.participant);
    const task = await seedTask(seeded);
    const raised = await call(blockersRoute.POST, { token, params: { taskId: task.id }, body: { reason: '等待客户反馈', proposedSolution: '联系客户部专员催办' } });
    expect(raised.status).toBe(201);
    expect(raised.body.task).toMatchObject({ status: 'blocked', issues: [{ status: 'open', reason: '等待客户反馈' }] });
    const resolved = await call(resolveRoute.POST, { token, params: { issueId: raised.body.task.issues[0].id }, body: { resolution: '客户已回复' } });
    expect(resolved).toMatchObject({ status: 200, body: { issue: { status: 'resolved', resolution: '客户已回复' } } });
    const after = await call(taskRoute.GET, { token, params: { taskId: task.id } });
    expect(after.body.task.status).toBe('in_progress');
  });

  it('reports tasks moved later by a reschedule, and deletes', async () => {
    const seeded = await seedSpace();
    const token = await tokenOf(seeded.admin);
    const a = await seedTask(seeded, { startDate: '2026-12-01', dueDate: '2026-12-03' });
    const b = await seedTask(seeded, { startDate: '2026-12-04', dueDate: '2026-12-05', dependsOnIds: [a.id] });
    const moved = await call(taskRoute.PATCH, { token, params: { taskId: a.id }, body: { dueDate: '2026-12-06' } });
    expect(moved.body.rescheduled).toEqual([{ id: b.id, startDate: '2026-12-07', dueDate: '2026-12-08' }]);
    expect((await call(taskRoute.DELETE, { token, params: { taskId: a.id }, method: 'DELETE' })).status).toBe(204);
    expect((await call(taskRoute.GET, { token, params: { taskId: a.id } })).status).toBe(404);
    expect((await call(taskRoute.GET, { token, params: { taskId: b.id } })).body.task.dependsOn).toEqual([]);
  });
});
