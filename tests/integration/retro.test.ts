import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { kbPages, retrospectives, taskIssues, tasks } from '@/db/schema';
import { systemActor, userActor } from '@/lib/auth/actor';
import { openSpaceExport } from '@/lib/export/space-export';
import { createFolder } from '@/lib/files/manage';
import { uploadFile } from '@/lib/files/upload';
import { computeRetroFacts } from '@/lib/retro/facts';
import { getRetrospective } from '@/lib/retro/queries';
import { richTextToPlainText } from '@/lib/rich-text/document';
import { completeRetrospective, improvementToPage, improvementToTask, reopenRetrospective, saveRetrospective } from '@/lib/retro/service';
import { archiveSpace } from '@/lib/spaces/service';
import { raiseTaskIssue, resolveTaskIssue } from '@/lib/tasks/issues';
import { createMilestone } from '@/lib/tasks/milestones';
import { setupTestDatabase } from './support/database';
import { seedDepartment, seedSpace, seedTask } from './support/factories';
import { rejection } from './support/rejection';

vi.mock('next/headers', () => ({
  cookies: async () => ({ has: () => false, get: () => undefined }),
  headers: async () => new Headers(),
}));

setupTestDatabase();

const NOW = new Date('2027-01-03T00:00:00Z');
const issue = { reason: '等待供应商样品', proposedSolution: '催促供应商' };

/**
 * A space with known figures at NOW: 3 done (2 on time, one of them on its due day late in the
 * evening in Shanghai; 1 late), 1 overdue in progress that was blocked for a day, 1 blocked for
 * two days and still open, 1 to do in a second department; 3 delay reasons, two the same.
 */
async function seedKnownSpace() {
  const seeded = await seedSpace({ goal: '三个月内完成新品上市\n- 首月销量破万\n\n2. 客户满意度 90%' });
  const db = await getDb();
  const other = await seedDepartment(seeded.organization.id, `市场部-${Date.now()}`);
  const done = async (dueDate: string, completedAt: string) => {
    const task = await seedTask(seeded, { dueDate, status: 'done' });
    await db.update(tasks).set({ completedAt: new Date(completedAt) }).where(eq(tasks.id, task.id));
    return task;
  };
  await done('2026-12-20', '2026-12-10T02:00:00Z');
  await done('2026-12-20', '2026-12-20T15:30:00Z'); // 23:30 on the due day in Shanghai
  await done('2026-12-20', '2026-12-21T01:00:00Z'); // 09:00 the day after: late
  const wasBlocked = await seedTask(seeded, { dueDate: '2026-12-28', status: 'in_progress' });
  await raiseTaskIssue(userActor(seeded.participant), wasBlocked.id, issue);
  const [resolvedEntry] = await db.select().from(taskIssues).where(eq(taskIssues.taskId, wasBlocked.id));
  await resolveTaskIssue(userActor(seeded.participant), resolvedEntry!.id, { resolution: '样品已到' });
  await db.update(taskIssues).set({ createdAt: new Date('2027-01-01T00:00:00Z'), resolvedAt: new Date('2027-01-02T00:00:00Z') }).where(eq(taskIssues.id, resolvedEntry!.id));
  const blocked = await seedTask(seeded, { dueDate: '2027-01-20', status: 'blocked', issue });
  await db.update(taskIssues).set({ createdAt: new Date('2027-01-01T00:00:00Z') }).where(eq(taskIssues.taskId, blocked.id));
  await seedTask(seeded, { dueDate: '2027-02-01', departmentId: other.id });
  const lead = userActor(seeded.admin);
  await createMilestone(lead, seeded.space.id, { name: '样机', plannedDate: '2026-12-10', actualDate: '2026-12-15', delayReason: '供应商 延期' });
  await createMilestone(lead, seeded.space.id, { name: '试产', plannedDate: '2026-12-20', actualDate: '2026-12-22', delayReason: '供应商  延期' });
  await createMilestone(lead, seeded.space.id, { name: '上市', plannedDate: '2027-01-10', actualDate: '2027-01-12', delayReason: '审批慢' });
  return { ...seeded, other };
}

const emptyDraft = { goals: [], problems: [], improvements: [], summary: '' };

describe('the facts of a retrospective', () => {
  it('counts on-time completion, statuses, blocking, delay reasons and departments from the space', async () => {
    const seeded = await seedKnownSpace();
    const facts = await computeRetroFacts(await getDb(), seeded.space.id, { now: NOW, timeZone: 'Asia/Shanghai' });
    expect(facts).toMatchObject({
      asOf: '2027-01-03', totalTasks: 6, byStatus: { todo: 1, in_progress: 1, done: 3, blocked: 1 },
      done: 3, doneOnTime: 2, overdueOpen: 1, blockedTasks: 2, blockedEntries: 2, meanBlockedDays: 1.5,
      delayReasons: [{ reason: '供应商 延期', count: 2 }, { reason: '审批慢', count: 1 }],
    });
    expect(facts.onTimeRate).toBeCloseTo(2 / 3);
    expect(facts.departments).toEqual(expect.arrayContaining([
      { departmentId: seeded.department.id, name: seeded.department.name, tasks: 5, done: 3 },
      { departmentId: seeded.other.id, name: seeded.other.name, tasks: 1, done: 0 },
    ]));
  });

  it('has no rate and no mean for an empty space', async () => {
    const seeded = await seedSpace();
    const facts = await computeRetroFacts(await getDb(), seeded.space.id, { now: NOW });
    expect(facts).toMatchObject({ totalTasks: 0, onTimeRate: null, meanBlockedDays: null, delayReasons: [], departments: [] });
  });
});

describe('the retrospective draft', () => {
  it('starts from the space goal, one goal per line without list markers, before anything is saved', async () => {
    const seeded = await seedKnownSpace();
    const view = await getRetrospective(userActor(seeded.observer), seeded.space.id);
    expect(view).toMatchObject({ status: 'draft', version: 0, liveFacts: true, canEdit: false });
    expect(view.goals.map((g) => g.goal)).toEqual(['三个月内完成新品上市', '首月销量破万', '客户满意度 90%']);
    expect(view.facts.totalTasks).toBe(6);
    expect((await getRetrospective(userActor(seeded.owner), seeded.space.id)).canEdit).toBe(true);
  });

  it('saves with the version it was based on and refuses a stale one', async () => {
    const seeded = await seedSpace();
    const lead = userActor(seeded.owner);
    const first = await saveRetrospective(lead, seeded.space.id, {
      version: 0, goals: [{ goal: '完成上市', outcome: 'partly', evidence: '晚了两周' }], problems: [{ text: '样品延期' }], improvements: [], summary: '总体顺利',
    });
    expect(first).toMatchObject({ version: 1, summary: '总体顺利', problems: [{ text: '样品延期' }] });
    expect(first.goals[0]).toMatchObject({ goal: '完成上市', outcome: 'partly', evidence: '晚了两周', id: expect.any(String) });
    const stale = await rejection(saveRetrospective(userActor(seeded.admin), seeded.space.id, { version: 0, ...emptyDraft }));
    expect(stale).toMatchObject({ status: 409, messageKey: 'retro.errors.stale' });
    const second = await saveRetrospective(lead, seeded.space.id, { version: 1, ...emptyDraft, goals: first.goals });
    expect(second.version).toBe(2);
    expect(second.goals[0]!.id).toBe(first.goals[0]!.id);
    expect(await rejection(saveRetrospective(lead, seeded.space.id, { version: 1, ...emptyDraft }))).toMatchObject({ status: 409 });
  });

  it('reports every invalid field', async () => {
    const seeded = await seedSpace();
    const error = await rejection(saveRetrospective(userActor(seeded.owner), seeded.space.id, {
      version: 0, goals: [{ goal: '', outcome: 'maybe' }], problems: 'not json', improvements: [], summary: 'x'.repeat(10_001),
    }));
    expect(error.status).toBe(422);
    expect(Object.keys(error.fieldErrors).sort()).toEqual(['goals.0.goal', 'goals.0.outcome', 'problems', 'summary']);
  });
});

describe('completing a retrospective', () => {
  it('keeps the facts as they were, refuses edits until reopened, and computes live again after', async () => {
    const seeded = await seedKnownSpace();
    const lead = userActor(seeded.admin);
    const completed = await completeRetrospective(lead, seeded.space.id, { version: 0 });
    expect(completed).toMatchObject({ status: 'completed', liveFacts: false, completedByName: '管理员' });
    expect(completed.facts.totalTasks).toBe(6);
    await seedTask(seeded, { status: 'done' });
    const later = await getRetrospective(userActor(seeded.observer), seeded.space.id);
    expect(later.facts).toEqual(completed.facts);
    expect(await rejection(saveRetrospective(lead, seeded.space.id, { version: completed.version, ...emptyDraft }))).toMatchObject({ status: 409, messageKey: 'retro.errors.completed' });
    expect(await rejection(completeRetrospective(lead, seeded.space.id))).toMatchObject({ status: 409 });
    const reopened = await reopenRetrospective(userActor(seeded.owner), seeded.space.id);
    expect(reopened).toMatchObject({ status: 'draft', liveFacts: true });
    expect(reopened.facts.totalTasks).toBe(7);
  });
});

describe('an improvement becoming a task', () => {
  it('creates the task in the space through the task service and links it, once', async () => {
    const seeded = await seedSpace();
    const lead = userActor(seeded.owner);
    const saved = await saveRetrospective(lead, seeded.space.id, { version: 0, ...emptyDraft, improvements: [{ text: '提前锁定供应商\n签订备货协议' }] });
    const improvementId = saved.improvements[0]!.id;
    const refused = await rejection(improvementToTask(lead, seeded.space.id, improvementId, { assigneeId: seeded.outsider.id, dueDate: '2027-03-01' }));
    expect(refused.fieldErrors).toHaveProperty('assigneeId');
    const view = await improvementToTask(lead, seeded.space.id, improvementId, { assigneeId: seeded.participant.id, dueDate: '2027-03-01' });
    const link = view.improvements[0]!.task!;
    const db = await getDb();
    const [task] = await db.select().from(tasks).where(and(eq(tasks.id, link.id), eq(tasks.spaceId, seeded.space.id)));
    expect(task).toMatchObject({ name: '提前锁定供应商', notes: '提前锁定供应商\n签订备货协议', assigneeId: seeded.participant.id, dueDate: '2027-03-01' });
    expect(await rejection(improvementToTask(lead, seeded.space.id, improvementId, { assigneeId: seeded.participant.id, dueDate: '2027-03-01' })))
      .toMatchObject({ status: 409, messageKey: 'retro.errors.alreadyTask' });
    // Saving the list again keeps the link even though clients do not send it.
    const again = await saveRetrospective(lead, seeded.space.id, { version: view.version, ...emptyDraft, improvements: [{ id: improvementId, text: '提前锁定供应商' }] });
    expect(again.improvements[0]!.task?.id).toBe(link.id);
    expect(await rejection(improvementToTask(lead, seeded.space.id, crypto.randomUUID(), { assigneeId: seeded.participant.id, dueDate: '2027-03-01' }))).toMatchObject({ status: 404 });
  });
});

describe('an improvement becoming a knowledge page', () => {
  it('creates a page of the space\'s knowledge base titled by its first line and links it, once; also after completion', async () => {
    const seeded = await seedSpace();
    const lead = userActor(seeded.owner);
    const saved = await saveRetrospective(lead, seeded.space.id, { version: 0, ...emptyDraft, improvements: [{ text: '物料清单模板\n每次活动前核对一遍' }] });
    const improvementId = saved.improvements[0]!.id;
    const completed = await completeRetrospective(lead, seeded.space.id, { version: saved.version });
    const view = await improvementToPage(lead, seeded.space.id, improvementId);
    expect(view.version).toBe(completed.version + 1);
    const pageId = view.improvements[0]!.pageId!;
    const db = await getDb();
    const [page] = await db.select().from(kbPages).where(and(eq(kbPages.id, pageId), eq(kbPages.spaceId, seeded.space.id)));
    expect(page).toMatchObject({ title: '物料清单模板', createdBy: seeded.owner.id, version: 1 });
    expect(richTextToPlainText(page!.content, 'page')).toBe('物料清单模板\n每次活动前核对一遍');
    // It is a page like any other: found by the knowledge base's search columns.
    expect(page!.searchText).toContain('每次活动前核对');
    expect(await rejection(improvementToPage(lead, seeded.space.id, improvementId))).toMatchObject({ status: 409, messageKey: 'retro.errors.alreadyPage' });
    expect(await rejection(improvementToPage(userActor(seeded.observer), seeded.space.id, improvementId))).toMatchObject({ status: 403 });
    expect(await rejection(improvementToPage(userActor(seeded.outsider), seeded.space.id, improvementId))).toMatchObject({ status: 404 });
    expect((await db.select().from(kbPages).where(eq(kbPages.spaceId, seeded.space.id))).length).toBe(1);
  });
});

describe('who may do what with a retrospective', () => {
  it('lets leads write, others of the space read, and outsiders learn nothing; an archived space is read-only', async () => {
    const seeded = await seedSpace();
    for (const user of [seeded.participant, seeded.observer]) {
      expect(await rejection(saveRetrospective(userActor(user), seeded.space.id, { version: 0, ...emptyDraft }))).toMatchObject({ status: 403 });
    }
    expect(await rejection(getRetrospective(userActor(seeded.outsider), seeded.space.id))).toMatchObject({ status: 404 });
    expect(await rejection(saveRetrospective(userActor(seeded.outsider), seeded.space.id, { version: 0, ...emptyDraft }))).toMatchObject({ status: 404 });
    await archiveSpace(systemActor, seeded.space.id);
    expect(await rejection(saveRetrospective(userActor(seeded.admin), seeded.space.id, { version: 0, ...emptyDraft }))).toMatchObject({ status: 403, messageKey: 'spaceArchived' });
    expect(await rejection(completeRetrospective(userActor(seeded.admin), seeded.space.id))).toMatchObject({ status: 403, messageKey: 'spaceArchived' });
    const view = await getRetrospective(userActor(seeded.observer), seeded.space.id);
    expect(view.canEdit).toBe(false);
    const db = await getDb();
    expect(await db.select().from(retrospectives).where(eq(retrospectives.spaceId, seeded.space.id))).toHaveLength(0);
  });
});

async function readZip(body: ReadableStream<Uint8Array>) {
  return JSZip.loadAsync(new Uint8Array(await new Response(body).arrayBuffer()));
}

describe('exporting a space', () => {
  it('streams a zip with the data, the current version of each library file by folder, knowledge pages and the retrospective', async () => {
    const seeded = await seedKnownSpace();
    const contributor = userActor(seeded.participant);
    const folder = await createFolder(contributor, seeded.space.id, { name: '设计稿' });
    const upload = (name: string, text: string, folderId?: string) =>
      uploadFile(contributor, seeded.space.id, { name, folderId }, new Blob([new TextEncoder().encode(text)]).stream());
    await upload('需求说明.txt', '第一版');
    await upload('需求说明.txt', '第二版');
    await upload('海报.txt', '海报文字', folder.id);
    const db = await getDb();
    await db.insert(kbPages).values({
      organizationId: seeded.organization.id, spaceId: seeded.space.id, title: '上市经验 <总结>',
      content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '提前备货 <script>' }] }] },
    });
    await completeRetrospective(userActor(seeded.admin), seeded.space.id);
    await archiveSpace(systemActor, seeded.space.id);

    const { fileName, body } = await openSpaceExport(userActor(seeded.owner), seeded.space.id, 'zh-CN', 'Asia/Shanghai');
    expect(fileName).toMatch(/^空间-.+-\d{4}-\d{2}-\d{2}\.zip$/);
    const zip = await readZip(body);
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual([
      'files/设计稿/海报.txt', 'files/需求说明.txt', 'index.html', 'meetings.json', 'messages.json',
      'pages/上市经验 _总结_.html', 'retrospective.html', 'retrospective.json', 'space.json', 'tasks.json',
    ]);
    expect(await zip.file('files/需求说明.txt')!.async('string')).toBe('第二版');
    const space = JSON.parse(await zip.file('space.json')!.async('string'));
    expect(space.space.id).toBe(seeded.space.id);
    expect(space.members).toHaveLength(4);
    const data = JSON.parse(await zip.file('tasks.json')!.async('string'));
    expect(data.tasks).toHaveLength(6);
    expect(data.tasks[0]).not.toHaveProperty('searchVector');
    expect(data.issues).toHaveLength(2);
    expect(data.progressTable.map((m: { name: string }) => m.name)).toEqual(['样机', '试产', '上市']);
    const chat = JSON.parse(await zip.file('messages.json')!.async('string'));
    expect(chat.channels.length).toBeGreaterThan(0);
    expect(Array.isArray(chat.messages)).toBe(true);
    const retro = JSON.parse(await zip.file('retrospective.json')!.async('string'));
    expect(retro).toMatchObject({ status: 'completed', facts: { totalTasks: 6, doneOnTime: 2 } });
    const page = await zip.file('pages/上市经验 _总结_.html')!.async('string');
    expect(page).toContain('<p>提前备货 &lt;script&gt;</p>');
    expect(page).toContain('<title>上市经验 &#60;总结&#62;</title>');
    const index = await zip.file('index.html')!.async('string');
    expect(index).toContain('href="retrospective.html"');
    expect(index).toContain(`href="files/${encodeURIComponent('设计稿')}/${encodeURIComponent('海报.txt')}"`);
  });

  it('is for leads and admins only; outsiders get 404', async () => {
    const seeded = await seedSpace();
    for (const user of [seeded.participant, seeded.observer]) {
      expect(await rejection(openSpaceExport(userActor(user), seeded.space.id, 'zh-CN', 'Asia/Shanghai'))).toMatchObject({ status: 403 });
    }
    expect(await rejection(openSpaceExport(userActor(seeded.outsider), seeded.space.id, 'zh-CN', 'Asia/Shanghai'))).toMatchObject({ status: 404 });
    const { body } = await openSpaceExport(userActor(seeded.admin), seeded.space.id, 'en', 'Asia/Shanghai');
    const zip = await readZip(body);
    expect(await zip.file('index.html')!.async('string')).toContain('space archive');
  });
});
