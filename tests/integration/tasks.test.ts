import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, milestones, taskIssues, tasks } from '@/db/schema';
import { systemActor, userActor } from '@/lib/auth/actor';
import { archiveSpace, createSpace } from '@/lib/spaces/service';
import { getBoard, moveTask } from '@/lib/tasks/board';
import { listTaskIssues, raiseTaskIssue, resolveTaskIssue } from '@/lib/tasks/issues';
import { createMilestone, deleteMilestone, listProgress, updateMilestone } from '@/lib/tasks/milestones';
import { lenientTaskFilters } from '@/lib/tasks/schema';
import { countTasks, getTask, listTasks } from '@/lib/tasks/queries';
import { listMyTasks } from '@/lib/tasks/my-tasks';
import { createTask, deleteTask, updateTask } from '@/lib/tasks/service';
import { seedGanttPlan } from '../support/gantt-seed';
import { setupTestDatabase } from './support/database';
import { seedDepartment, seedSpace, seedTask, seedUser } from './support/factories';

const database = setupTestDatabase();

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as { status: number; messageKey: string; fieldErrors: Record<string, string[]> };
  }
  throw new Error('expected a rejection');
}

async function taskCount(spaceId: string) {
  return (await database.handle.db.select().from(tasks).where(eq(tasks.spaceId, spaceId))).length;
}

describe('creating a task', () => {
  it('numbers tasks within the space and takes the department from the assignee', async () => {
    const seeded = await seedSpace();
    const first = await seedTask(seeded, { helperIds: [seeded.owner.id], priority: 'high', description: '第一段\n第二段' });
    const second = await seedTask(seeded);
    expect([first.number, second.number]).toEqual([1, 2]);
    expect(first).toMatchObject({ status: 'todo', priority: 'high', departmentId: seeded.department.id, assigneeId: seeded.participant.id });
    const view = await getTask(userActor(seeded.observer), first.id);
    expect(view.helpers.map((h) => h.id)).toEqual([seeded.owner.id]);
    expect(view.task.description).toMatchObject({ type: 'doc', content: [{ type: 'paragraph' }, { type: 'paragraph' }] });
    const [audit] = await database.handle.db.select().from(auditEvents).where(eq(auditEvents.targetId, first.id));
    expect(audit).toMatchObject({ action: 'task.create', spaceId: seeded.space.id });
  });

  it('reports every problem of a bad task at once and writes nothing', async () => {
    const seeded = await seedSpace();
    const error = await rejection(createTask(userActor(seeded.admin), seeded.space.id, {
      name: '', dueDate: '2026-12-01', startDate: '2026-12-05', assigneeId: [seeded.admin.id, seeded.owner.id] as never,
      status: 'paused' as never, priority: 'urgent' as never,
    }));
    expect(error.status).toBe(422);
    expect(error.fieldErrors).toMatchObject({
      name: ['required'], assigneeId: ['assigneeOnlyOne'], status: ['taskStatusInvalid'], priority: ['taskPriorityInvalid'],
    });
    const none = await rejection(createTask(userActor(seeded.admin), seeded.space.id, { name: '任务', dueDate: '2026-12-01', startDate: '2026-12-05' }));
    expect(none.fieldErrors).toMatchObject({ assigneeId: ['assigneeRequired'], dueDate: ['dueBeforeStart'] });
    expect(await taskCount(seeded.space.id)).toBe(0);
  });

  it('refuses people who are not members of the space', async () => {
    const seeded = await seedSpace();
    const helper = await rejection(seedTask(seeded, { helperIds: [seeded.outsider.id] }));
    expect(helper.fieldErrors).toEqual({ helperIds: ['helperNotMember'] });
    const assignee = await rejection(seedTask(seeded, { assigneeId: seeded.outsider.id }));
    expect(assignee.fieldErrors).toEqual({ assigneeId: ['assigneeNotMember'] });
    expect(await taskCount(seeded.space.id)).toBe(0);
  });

  it('sanitises rich text: unknown nodes and script links are refused', async () => {
    const seeded = await seedSpace();
    const bad = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: '点我', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }],
    };
    const error = await rejection(seedTask(seeded, { description: bad as never, deliveryStandard: { type: 'doc', content: [{ type: 'iframe' }] } as never }));
    expect(error.fieldErrors).toEqual({ description: ['richTextInvalid'], deliveryStandard: ['richTextInvalid'] });
  });
});

describe('blocked tasks and issue tracking (问题跟踪)', () => {
  it('refuses 阻塞 without a reason and a proposed solution, and changes nothing', async () => {
    const seeded = await seedSpace();
    const task = await seedTask(seeded);
    const error = await rejection(updateTask(userActor(seeded.participant), task.id, { status: 'blocked' }));
    expect(error).toMatchObject({ status: 422, messageKey: 'blockedNeedsIssue' });
    expect(error.fieldErrors).toEqual({ 'issue.reason': ['issueReasonRequired'], 'issue.proposedSolution': ['issueSolutionRequired'] });
    const blank = await rejection(raiseTaskIssue(userActor(seeded.participant), task.id, { reason: ' ', proposedSolution: '' }));
    expect(blank.fieldErrors).toEqual({ reason: ['issueReasonRequired'], proposedSolution: ['issueSolutionRequired'] });
    expect((await getTask(userActor(seeded.admin), task.id)).task.status).toBe('todo');
  });

  it('keeps the entry open until it is resolved explicitly, and lists it on the issue page', async () => {
    const seeded = await seedSpace();
    const task = await seedTask(seeded);
    const participant = userActor(seeded.participant);
    await raiseTaskIssue(participant, task.id, { reason: '等待客户反馈', proposedSolution: '联系客户部专员催办' });
    const issues = await listTaskIssues(userActor(seeded.observer), seeded.space.id);
    expect(issues.rows).toHaveLength(1);
    expect(issues.rows[0]).toMatchObject({ issue: { status: 'open', reason: '等待客户反馈' }, task: { id: task.id, status: 'blocked' }, raisedByName: '参与者' });

    const unsaid = await rejection(updateTask(participant, task.id, { status: 'in_progress' }));
    expect(unsaid.fieldErrors).toEqual({ resolution: ['unblockOutcomeRequired'] });
    await updateTask(participant, task.id, { status: 'in_progress', keepIssueOpen: true });
    expect((await listTaskIssues(participant, seeded.space.id, { status: 'open' })).rows).toHaveLength(1);

    // Blocking again can rest on the entry that was kept open.
    await updateTask(participant, task.id, { status: 'blocked' });
    const { task: done } = await updateTask(participant, task.id, { status: 'done', resolution: '客户已确认需求' });
    expect(done.completedAt).toBeInstanceOf(Date);
    const [entry] = await database.handle.db.select().from(taskIssues).where(eq(taskIssues.taskId, task.id));
    expect(entry).toMatchObject({ status: 'resolved', resolution: '客户已确认需求', resolvedBy: seeded.participant.id });
  });

  it('resolving the last open entry on the issue page puts the task back in progress', async () => {
    const seeded = await seedSpace();
    const task = await seedTask(seeded);
    const { task: blocked } = await raiseTaskIssue(userActor(seeded.participant), task.id, { reason: '物料未到', proposedSolution: '改用备选供应商' });
    expect(blocked.status).toBe('blocked');
    const [entry] = (await listTaskIssues(userActor(seeded.admin), seeded.space.id)).rows;
    await resolveTaskIssue(userActor(seeded.owner), entry!.issue.id, { resolution: '备选供应商已发货' });
    expect((await getTask(userActor(seeded.admin), task.id)).task.status).toBe('in_progress');
    const again = await rejection(resolveTaskIssue(userActor(seeded.owner), entry!.issue.id, { resolution: '再次' }));
    expect(again).toMatchObject({ status: 409, messageKey: 'issueAlreadyResolved' });
  });
});

describe('dependencies and schedule', () => {
  it('refuses cycles, tasks of another space and a start before a predecessor is due', async () => {
    const seeded = await seedSpace();
    const other = await seedSpace();
    const admin = userActor(seeded.admin);
    const a = await seedTask(seeded, { startDate: '2026-12-01', dueDate: '2026-12-05' });
    const b = await seedTask(seeded, { startDate: '2026-12-06', dueDate: '2026-12-08', dependsOnIds: [a.id] });
    const c = await seedTask(seeded, { startDate: '2026-12-09', dueDate: '2026-12-10', dependsOnIds: [b.id] });
    expect((await rejection(updateTask(admin, a.id, { dependsOnIds: [c.id] }))).fieldErrors).toEqual({ dependsOnIds: ['dependencyCycle'] });
    expect((await rejection(updateTask(admin, a.id, { dependsOnIds: [a.id] }))).fieldErrors).toEqual({ dependsOnIds: ['dependencyCycle'] });
    const foreign = await seedTask(other);
    expect((await rejection(updateTask(admin, c.id, { dependsOnIds: [foreign.id] }))).fieldErrors).toEqual({ dependsOnIds: ['dependencyOtherSpace'] });
    expect((await rejection(updateTask(admin, b.id, { startDate: '2026-12-05' }))).fieldErrors).toEqual({ startDate: ['startsBeforeDependency'] });
    expect((await rejection(seedTask(seeded, { dueDate: '2026-12-03', dependsOnIds: [a.id] }))).fieldErrors).toEqual({ dueDate: ['startsBeforeDependency'] });
  });

  it('pushes the tasks that wait on a moved task later, keeping their length', async () => {
    const seeded = await seedSpace();
    const admin = userActor(seeded.admin);
    const a = await seedTask(seeded, { startDate: '2026-12-01', dueDate: '2026-12-05' });
    const b = await seedTask(seeded, { startDate: '2026-12-06', dueDate: '2026-12-08', dependsOnIds: [a.id] });
    const c = await seedTask(seeded, { dueDate: '2026-12-20', dependsOnIds: [b.id] });
    const { rescheduled } = await updateTask(admin, a.id, { startDate: '2026-12-03', dueDate: '2026-12-10' });
    expect(rescheduled).toEqual([{ id: b.id, startDate: '2026-12-11', dueDate: '2026-12-13' }]);
    const moved = await getTask(admin, b.id);
    expect(moved.task).toMatchObject({ startDate: '2026-12-11', dueDate: '2026-12-13' });
    expect(moved.dependents.map((d) => d.id)).toEqual([c.id]);
    expect((await getTask(admin, c.id)).task.dueDate).toBe('2026-12-20');
  });
});

describe('listing tasks', () => {
  it('filters, sorts and pages with a cursor without losing or repeating rows', async () => {
    const seeded = await seedSpace();
    const priorities = ['low', 'high', 'medium', 'high', 'low', 'medium', 'high'] as const;
    for (const [i, priority] of priorities.entries()) {
      await seedTask(seeded, { name: `排期任务${i}`, priority, dueDate: `2026-12-${String(10 + i)}`, helperIds: i % 2 ? [seeded.owner.id] : [] });
    }
    const viewer = userActor(seeded.observer);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listTasks(viewer, seeded.space.id, { sort: 'priority', limit: 3, cursor }, '2026-12-01');
      expect(page.total).toBe(7);
      seen.push(...page.rows.map((r) => `${r.priority}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['high', 'high', 'high', 'medium', 'medium', 'low', 'low']);

    const helped = await listTasks(viewer, seeded.space.id, { helperId: seeded.owner.id }, '2026-12-01');
    expect(helped.rows.map((r) => r.name)).toEqual(['排期任务1', '排期任务3', '排期任务5']);
    expect(helped.rows[0]!.helpers).toEqual([{ id: seeded.owner.id, name: '负责人' }]);
    const overdue = await listTasks(viewer, seeded.space.id, { overdue: true }, '2026-12-13');
    expect(overdue.rows.map((r) => r.dueDate)).toEqual(['2026-12-10', '2026-12-11', '2026-12-12']);
    const byNumber = await listTasks(viewer, seeded.space.id, { q: '#2' }, '2026-12-01');
    expect(byNumber.rows.map((r) => r.name)).toEqual(['排期任务1']);
    const error = await rejection(listTasks(viewer, seeded.space.id, { status: ['paused'] as never, cursor: 'garbage' }, '2026-12-01'));
    expect(Object.keys(error.fieldErrors)).toContain('status.0');
  });

  it('counts tasks by status for the overview', async () => {
    const seeded = await seedSpace();
    await seedTask(seeded, { dueDate: '2026-12-02' });
    await seedTask(seeded, { status: 'done', dueDate: '2026-12-02' });
    await seedTask(seeded, { status: 'blocked', issue: { reason: '缺预算', proposedSolution: '申请追加' } });
    const counts = await countTasks(userActor(seeded.observer), seeded.space.id, '2026-12-05');
    expect(counts).toMatchObject({ byStatus: { todo: 1, in_progress: 0, done: 1, blocked: 1 }, overdue: 1, openIssues: 1 });
  });
});

describe('who may change tasks', () => {
  it('lets observers read but not write, hides tasks from outsiders, and keeps archived spaces read-only', async () => {
    const seeded = await seedSpace();
    const task = await seedTask(seeded);
    expect((await rejection(updateTask(userActor(seeded.observer), task.id, { status: 'done' }))).status).toBe(403);
    expect((await rejection(getTask(userActor(seeded.outsider), task.id))).status).toBe(404);
    expect((await rejection(deleteTask(userActor(seeded.participant), task.id))).status).toBe(403);
    await archiveSpace(systemActor, seeded.space.id);
    expect(await rejection(updateTask(userActor(seeded.admin), task.id, { name: '改名' }))).toMatchObject({ status: 403, messageKey: 'spaceArchived' });
    expect((await getTask(userActor(seeded.observer), task.id)).task.name).toBe(task.name);
  });
});

describe('a space created from a scenario template', () => {
  it('starts with the template’s tasks, owned by members of the hinted departments, and its milestones', async () => {
    const seeded = await seedSpace();
    const research = await seedDepartment(seeded.organization.id, '研发部');
    const engineer = await seedUser({ name: '研发工程师', departmentId: research.id });
    const space = await createSpace(userActor(seeded.admin), seeded.organization.id, {
      name: '新品上线', goal: '上线', startDate: '2027-01-04', endDate: '2027-04-03', departmentIds: [seeded.department.id, research.id],
      adminIds: [seeded.admin.id], memberIds: [engineer.id], templateKey: 'builtin:product-launch',
    });
    const rows = await database.handle.db.select().from(tasks).where(eq(tasks.spaceId, space.id)).orderBy(tasks.number);
    expect(rows.length).toBeGreaterThan(5);
    const plan = rows.find((r) => r.name === '确认研发方案与排期')!;
    expect(plan).toMatchObject({ assigneeId: engineer.id, departmentId: research.id, dueDate: '2027-02-01', status: 'todo' });
    expect(rows.find((r) => r.name === '完成用户需求调研报告')).toMatchObject({ assigneeId: seeded.admin.id });
    expect(JSON.stringify(plan.deliveryStandard)).toContain('输出技术方案文档');
    expect(JSON.stringify(plan.description)).not.toContain('交付标准');
    const planned = await database.handle.db.select().from(milestones).where(eq(milestones.spaceId, space.id));
    expect(planned.length).toBeGreaterThan(0);
    expect(planned.every((m) => m.ownerId === seeded.admin.id && m.plannedDate <= '2027-04-03')).toBe(true);
  });
});

describe('the board', () => {
  it('orders cards by where they were dropped and keeps the issue rules on a drop into 阻塞', async () => {
    const seeded = await seedSpace();
    const [a, b, c] = [await seedTask(seeded, { name: 'A' }), await seedTask(seeded, { name: 'B' }), await seedTask(seeded, { name: 'C' })];
    const participant = userActor(seeded.participant);
    await moveTask(participant, c.id, { status: 'todo', afterId: a.id, beforeId: b.id });
    const names = async (status: string) =>
      (await getBoard(participant, seeded.space.id, lenientTaskFilters({}), '2026-12-01')).find((col) => col.status === status)!.cards.map((card) => card.name);
    expect(await names('todo')).toEqual(['A', 'C', 'B']);
    await moveTask(participant, b.id, { status: 'in_progress' });
    expect(await names('in_progress')).toEqual(['B']);
    const refused = await rejection(moveTask(participant, a.id, { status: 'blocked' }));
    expect(refused).toMatchObject({ status: 422, messageKey: 'blockedNeedsIssue' });
    await moveTask(participant, a.id, { status: 'blocked', issue: { reason: '缺少样机', proposedSolution: '向研发部借用' } });
    const board = await getBoard(participant, seeded.space.id, lenientTaskFilters({}), '2026-12-01');
    expect(board.map((col) => [col.status, col.total])).toEqual([['todo', 1], ['in_progress', 1], ['done', 0], ['blocked', 1]]);
    expect((await rejection(moveTask(userActor(seeded.observer), c.id, { status: 'done' }))).status).toBe(403);
  });

  it('renumbers a column when cards were squeezed between the same two neighbours too often', async () => {
    const seeded = await seedSpace();
    const first = await seedTask(seeded, { name: '首' });
    const last = await seedTask(seeded, { name: '尾' });
    const admin = userActor(seeded.admin);
    let after = first.id;
    for (let i = 0; i < 30; i++) after = (await moveTask(admin, (await seedTask(seeded, { name: `中${i}` })).id, { status: 'todo', afterId: after, beforeId: last.id })).id;
    const cards = (await getBoard(admin, seeded.space.id, lenientTaskFilters({}), '2026-12-01'))[0]!.cards.map((card) => card.name);
    expect(cards).toEqual(['首', ...Array.from({ length: 30 }, (_, i) => `中${i}`), '尾']);
  });

  it('holds a long column whole, in board order, and puts a card between two deep inside it', async () => {
    const seeded = await seedSpace();
    await seedGanttPlan(database.handle.db, { spaceId: seeded.space.id, assigneeIds: [seeded.participant.id], tasks: 1200, dependencies: 0, statusOf: () => 'todo' });
    const participant = userActor(seeded.participant);
    const todo = async () => (await getBoard(participant, seeded.space.id, lenientTaskFilters({}), '2026-12-01'))[0]!;
    const column = await todo();
    expect(column.total).toBe(1200);
    expect(column.cards.map((card) => card.number)).toEqual(Array.from({ length: 1200 }, (_, i) => i + 1));
    await moveTask(participant, column.cards[0]!.id, { status: 'todo', afterId: column.cards[1099]!.id, beforeId: column.cards[1100]!.id });
    expect((await todo()).cards.map((card) => card.number).slice(1097, 1101)).toEqual([1099, 1100, 1, 1101]);
  });
});

describe('the project progress table (项目进度表)', () => {
  it('computes each row’s risk from dates and linked tasks, lets a person override it, and asks why a row is late', async () => {
    const seeded = await seedSpace();
    const owner = userActor(seeded.owner);
    const research = await createMilestone(owner, seeded.space.id, { phase: '需求调研', name: '完成用户需求报告', plannedDate: '2026-12-20', ownerId: seeded.owner.id });
    await createMilestone(owner, seeded.space.id, { phase: '方案设计', name: '研发方案定稿', plannedDate: '2027-01-10' });
    const task = await seedTask(seeded, { milestoneId: research.id });
    await raiseTaskIssue(userActor(seeded.participant), task.id, { reason: '客户未回复', proposedSolution: '电话跟进' });
    let rows = await listProgress(userActor(seeded.observer), seeded.space.id, '2026-12-15');
    expect(rows.map((r) => [r.name, r.risk, r.tasks.total, r.tasks.blocked])).toEqual([['完成用户需求报告', 'red', 1, 1], ['研发方案定稿', 'green', 0, 0]]);
    expect(rows[0]!.ownerName).toBe('负责人');

    const late = await rejection(updateMilestone(owner, research.id, { phase: '需求调研', name: '完成用户需求报告', plannedDate: '2026-12-20', actualDate: '2026-12-22' }));
    expect(late.fieldErrors).toEqual({ delayReason: ['delayReasonRequired'] });
    await updateMilestone(owner, research.id, { phase: '需求调研', name: '完成用户需求报告', plannedDate: '2026-12-20', actualDate: '2026-12-22', delayReason: '客户需求变更', riskOverride: 'green' });
    rows = await listProgress(owner, seeded.space.id, '2026-12-23');
    expect(rows[0]).toMatchObject({ computedRisk: 'yellow', risk: 'green', delayReason: '客户需求变更' });
    expect((await rejection(createMilestone(userActor(seeded.participant), seeded.space.id, { name: 'x', plannedDate: '2027-01-01' }))).status).toBe(403);
    await deleteMilestone(owner, research.id);
    expect((await getTask(owner, task.id)).task.milestoneId).toBeNull();
  });
});

describe('my tasks across spaces (我的任务)', () => {
  it('lists what the person owns or helps with, overdue first, and leaves out archived spaces', async () => {
    const first = await seedSpace();
    const me = first.participant;
    await seedTask(first, { name: '下周交付', dueDate: '2026-12-20' });
    await seedTask(first, { name: '已经逾期', dueDate: '2026-12-02', assigneeId: first.owner.id, helperIds: [me.id] });
    await seedTask(first, { name: '已完成的', dueDate: '2026-12-01', status: 'done' });
    await seedTask(first, { name: '别人的', assigneeId: first.owner.id });
    const rows = (await listMyTasks(userActor(me), {}, '2026-12-10')).rows;
    expect(rows.map((r) => [r.name, r.overdue, r.isAssignee])).toEqual([['已经逾期', true, false], ['下周交付', false, true]]);
    expect((await listMyTasks(userActor(me), { includeDone: true }, '2026-12-10')).total).toBe(3);
    await archiveSpace(systemActor, first.space.id);
    expect((await listMyTasks(userActor(me), {}, '2026-12-10')).rows).toEqual([]);
  });
});
