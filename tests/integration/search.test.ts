import { eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import * as searchRoute from '@/app/api/v1/search/route';
import { files, kbPages, messages, organizations, tasks } from '@/db/schema';
import { searchColumns } from '@/lib/search/indexed-text';
import { systemActor, userActor } from '@/lib/auth/actor';
import { createChannel } from '@/lib/chat/channels';
import { postMessage } from '@/lib/chat/post-message';
import { createFolder, deleteFile, deleteFolder, updateFile } from '@/lib/files/manage';
import { uploadFile, uploadVersion } from '@/lib/files/upload';
import { restoreVersion } from '@/lib/files/versions';
import { normalizeForSearch } from '@/lib/search/cjk-bigrams';
import { backfillSearchColumns } from '@/lib/search/backfill';
import { searchEverything } from '@/lib/search/global';
import { createUser } from '@/lib/org/user-admin-service';
import { archiveSpace, createSpace } from '@/lib/spaces/service';
import { deleteTask, updateTask } from '@/lib/tasks/service';
import { buildDocx } from '../support/file-fixtures';
import { call, tokenOf } from './support/api-client';
import { setupTestDatabase } from './support/database';
import { seedSpace, seedTask, TEST_PASSWORD, uniqueEmail } from './support/factories';
import { allChannelOf, bytesOf, seedKbPage, seedKbTag } from './support/search-seed';

vi.mock('next/headers', () => ({
  cookies: async () => ({ has: () => false, get: () => undefined }),
  headers: async () => new Headers(),
}));

const database = setupTestDatabase();

type Seeded = Awaited<ReturnType<typeof seedSpace>>;
type Entry = { type: string; id: string; text: string };

const ids = (result: { hits: { type: string; id: string }[] }) => result.hits.map((h) => `${h.type}:${h.id}`).sort();

/** A space with a little of everything, in Chinese and English; each entry keeps the text it is found by. */
async function seedCorpus(seeded: Seeded) {
  const admin = userActor(seeded.admin);
  const corpus: Entry[] = [];
  const task = async (name: string, description?: string) => {
    const row = await seedTask(seeded, { name, description });
    corpus.push({ type: 'task', id: row.id, text: `${name}\n${description ?? ''}` });
    return row;
  };
  await task('发布会筹备', '确认场地和预算');
  await task('Launch checklist', 'Budget review before the 发布');
  await task('预算审批');
  await task('设计评审', '交互稿');
  const upload = async (name: string, body: Uint8Array | string, text: string) => {
    const { file } = await uploadFile(admin, seeded.space.id, { name }, bytesOf(body));
    corpus.push({ type: 'file', id: file.id, text: `${name}\n${text}` });
    return file;
  };
  await upload('notes.txt', '发布会的预算草案 draft v2', '发布会的预算草案 draft v2');
  await upload('计划书.docx', await buildDocx(), '项目计划 这是一个中文段落，用于预览。 任务 负责人 需求评审 张三');
  const channel = await allChannelOf(seeded.space.id);
  for (const body of ['明天讨论发布会预算', 'budget 已经批了', '需求评审改到周五']) {
    const { message } = await postMessage(userActor(seeded.participant), channel.id, { body });
    corpus.push({ type: 'message', id: message.id, text: body });
  }
  for (const [title, text] of [['发布会手册', '流程与分工'], ['Onboarding guide', '新人需求评审流程']] as const) {
    const page = await seedKbPage({ organizationId: seeded.organization.id, spaceId: seeded.space.id, title, text });
    corpus.push({ type: 'page', id: page.id, text: `${title}\n${text}` });
  }
  return corpus;
}

const truth = (corpus: Entry[], q: string) => corpus
  .filter((e) => normalizeForSearch(q).split(/\s+/).filter(Boolean).every((term) => normalizeForSearch(e.text).includes(term)))
  .map((e) => `${e.type}:${e.id}`).sort();

describe('global search', () => {
  it('finds exactly what contains every keyword, across pages, tasks, files and messages', async () => {
    const seeded = await seedSpace();
    const corpus = await seedCorpus(seeded);
    const actor = userActor(seeded.observer);
    for (const q of ['发布会', '预算', '发', '布会', 'budget', 'BUDGET', '需求评审', '发布 预算', '计划', 'draft', '评审', '张三', 'v2']) {
      const result = await searchEverything(actor, { q, limit: 50 });
      expect(ids(result), q).toEqual(truth(corpus, q));
      const total = Object.values(result.counts).reduce((sum, c) => sum + c.total, 0);
      expect(total, q).toBe(result.hits.length);
    }
    const hit = (await searchEverything(actor, { q: '需求评审', type: 'file' })).hits[0]!;
    expect(hit).toMatchObject({ title: '计划书.docx', spaceName: seeded.space.name, href: `/spaces/${seeded.space.id}/files/${hit.id}` });
    expect(hit.snippet.slice(hit.highlights[0]![0], hit.highlights[0]![1])).toBe('需求评审');
  });

  it('ranks title hits first, then the most recently changed', async () => {
    const seeded = await seedSpace();
    const titled = await seedTask(seeded, { name: '预算表' });
    const page = await seedKbPage({ organizationId: seeded.organization.id, spaceId: seeded.space.id, title: '年度总结', text: '预算执行情况' });
    const newer = await seedTask(seeded, { name: '季度复盘', description: '回顾预算' });
    const result = await searchEverything(userActor(seeded.admin), { q: '预算' });
    expect(result.hits.map((h) => h.id)).toEqual([titled.id, newer.id, page.id]);
    expect(result.hits[0]!.titleHighlights).toEqual([[0, 2]]);
    expect(result.hits[1]!.href).toBe(`/spaces/${seeded.space.id}/tasks/${newer.id}`);
    const paged = await searchEverything(userActor(seeded.admin), { q: '预算', limit: 2 });
    expect(paged.hits.map((h) => h.id)).toEqual([titled.id, newer.id]);
    expect(paged.nextCursor).toBe(2);
    const rest = await searchEverything(userActor(seeded.admin), { q: '预算', limit: 2, cursor: paged.nextCursor! });
    expect(rest).toMatchObject({ hits: [{ id: page.id, href: `/spaces/${seeded.space.id}/kb/${page.id}` }], nextCursor: null });
  });

  it('shows only what the person may see: their spaces, their channels, their organisation, nothing deleted', async () => {
    const seeded = await seedSpace();
    const admin = userActor(seeded.admin);
    const visibleTask = await seedTask(seeded, { name: '保密项目甲' });
    const other = await createSpace(userActor(seeded.outsider), seeded.organization.id, {
      name: '别的空间', goal: '无', startDate: '2026-12-01', endDate: '2027-01-31', departmentIds: [seeded.department.id], adminIds: [seeded.outsider.id],
    });
    const hiddenTask = await seedTask({ space: other, admin: seeded.outsider, participant: seeded.outsider }, { name: '保密项目乙' });
    const secret = await createChannel(admin, seeded.space.id, { name: '核心组', isPrivate: true, memberIds: [seeded.owner.id] });
    const { message: secretMessage } = await postMessage(admin, secret.id, { body: '保密项目的预算' });
    const gone = await seedTask(seeded, { name: '保密项目丙' });
    await deleteTask(admin, gone.id);
    const { file: binned } = await uploadFile(admin, seeded.space.id, { name: '保密项目.txt' }, bytesOf('x'));
    await deleteFile(admin, binned.id);
    const folder = await createFolder(admin, seeded.space.id, { name: '旧资料' });
    await uploadFile(admin, seeded.space.id, { name: '保密项目清单.txt', folderId: folder.id }, bytesOf('y'));
    await deleteFolder(admin, folder.id);
    await seedKbPage({ organizationId: seeded.organization.id, spaceId: seeded.space.id, title: '保密项目删除页', text: '', deleted: true });
    const orgPage = await seedKbPage({ organizationId: seeded.organization.id, title: '保密项目制度', text: '全公司' });
    // One installation holds one organisation through the app; another is written directly.
    const [elsewhere] = await database.handle.db.insert(organizations).values({ name: '别的公司' }).returning();
    await seedKbPage({ organizationId: elsewhere!.id, title: '保密项目外部', text: '' });

    const found = async (user: Seeded['admin']) => ids(await searchEverything(userActor(user), { q: '保密项目', limit: 50 }));
    expect(await found(seeded.observer)).toEqual([`task:${visibleTask.id}`, `page:${orgPage.id}`].sort());
    expect(await found(seeded.owner)).toEqual([`task:${visibleTask.id}`, `page:${orgPage.id}`, `message:${secretMessage.id}`].sort());
    expect(await found(seeded.outsider)).toEqual([`task:${hiddenTask.id}`, `page:${orgPage.id}`].sort());
    // An organisation admin views every space of the organisation, but not a private channel they are not in.
    const orgAdmin = await createUser(systemActor, seeded.organization.id, { email: uniqueEmail('admin'), name: '组织管理员', password: TEST_PASSWORD, isOrgAdmin: true });
    expect(await found(orgAdmin)).toEqual([`task:${visibleTask.id}`, `task:${hiddenTask.id}`, `page:${orgPage.id}`].sort());
    // A space filter naming a space the person cannot see finds nothing, like an unknown one.
    expect((await searchEverything(userActor(seeded.observer), { q: '保密项目', spaceId: other.id })).hits).toEqual([]);
  });

  it('still finds what is in an archived space', async () => {
    const seeded = await seedSpace();
    const task = await seedTask(seeded, { name: '归档后的里程碑' });
    await archiveSpace(systemActor, seeded.space.id);
    expect(ids(await searchEverything(userActor(seeded.observer), { q: '里程碑' }))).toEqual([`task:${task.id}`]);
  });

  it('filters by type, space, tag and day of last change, and counts each type', async () => {
    const seeded = await seedSpace();
    const task = await seedTask(seeded, { name: '路演材料' });
    const tagged = await seedKbPage({ organizationId: seeded.organization.id, spaceId: seeded.space.id, title: '路演指南', text: '' });
    const old = await seedKbPage({ organizationId: seeded.organization.id, title: '路演旧稿', text: '', updatedAt: new Date('2025-03-01T04:00:00Z') });
    const tag = await seedKbTag(seeded.organization.id, '市场', [tagged.id]);
    const actor = userActor(seeded.admin);
    const all = await searchEverything(actor, { q: '路演' });
    expect(all.counts).toEqual({ page: { total: 2, capped: false }, task: { total: 1, capped: false }, file: { total: 0, capped: false }, message: { total: 0, capped: false } });
    expect(ids(await searchEverything(actor, { q: '路演', type: 'task' }))).toEqual([`task:${task.id}`]);
    expect((await searchEverything(actor, { q: '路演', type: 'task' })).counts.page.total).toBe(2);
    expect(ids(await searchEverything(actor, { q: '路演', spaceId: seeded.space.id }))).toEqual([`page:${tagged.id}`, `task:${task.id}`].sort());
    expect(ids(await searchEverything(actor, { q: '路演', tagId: tag.id }))).toEqual([`page:${tagged.id}`]);
    expect(ids(await searchEverything(actor, { q: '路演', to: '2025-03-01' }))).toEqual([`page:${old.id}`]);
    expect(ids(await searchEverything(actor, { q: '路演', from: '2025-03-02' }))).toEqual([`page:${tagged.id}`, `task:${task.id}`].sort());
    expect(ids(await searchEverything(actor, { q: '路演', from: '2025-03-01', to: '2025-03-01' }, { timeZone: 'Asia/Shanghai' }))).toEqual([`page:${old.id}`]);
  });

  it('keeps tasks and files findable by what they say now', async () => {
    const seeded = await seedSpace();
    const admin = userActor(seeded.admin);
    const actor = userActor(seeded.observer);
    const found = async (q: string) => ids(await searchEverything(actor, { q }));
    const task = await seedTask(seeded, { name: '旧名字', description: '甲方需求' });
    await updateTask(admin, task.id, { name: '新名字' });
    expect(await found('旧名字')).toEqual([]);
    expect(await found('新名字')).toEqual([`task:${task.id}`]);
    expect(await found('甲方')).toEqual([`task:${task.id}`]);
    await updateTask(admin, task.id, { deliveryStandard: '客户签字确认' });
    expect(await found('签字')).toEqual([`task:${task.id}`]);
    await updateTask(admin, task.id, { status: 'in_progress' });
    expect(await found('签字')).toEqual([`task:${task.id}`]);

    const { file } = await uploadFile(admin, seeded.space.id, { name: 'a.txt' }, bytesOf('第一版内容'));
    await updateFile(admin, file.id, { name: '合同草案.txt' });
    expect(await found('合同')).toEqual([`file:${file.id}`]);
    expect(await found('第一版')).toEqual([`file:${file.id}`]);
    await uploadVersion(admin, file.id, {}, bytesOf('第二版内容'));
    expect(await found('第一版')).toEqual([]);
    expect(await found('第二版')).toEqual([`file:${file.id}`]);
    const db = database.handle.db;
    const [first] = await db.execute(sql`select id from file_versions where file_id = ${file.id} and number = 1`).then((r) => (r as unknown as { rows: { id: string }[] }).rows);
    await restoreVersion(admin, file.id, first!.id);
    expect(await found('第一版')).toEqual([`file:${file.id}`]);
    expect(await found('合同')).toEqual([`file:${file.id}`]);
  });

  it('fills the search columns of rows from before global search', async () => {
    const seeded = await seedSpace();
    const task = await seedTask(seeded, { name: '历史任务', description: '迁移前写的' });
    const { file } = await uploadFile(userActor(seeded.admin), seeded.space.id, { name: '历史文件.md' }, bytesOf('# 老文档'));
    const page = await seedKbPage({ organizationId: seeded.organization.id, spaceId: seeded.space.id, title: '历史页面', text: '旧知识' });
    const db = database.handle.db;
    await db.update(tasks).set({ searchText: null, searchVector: null, titleVector: null }).where(eq(tasks.id, task.id));
    await db.update(files).set({ searchText: null, searchVector: null, titleVector: null }).where(eq(files.id, file.id));
    await db.execute(sql`update file_versions set extracted_text = null where file_id = ${file.id}`);
    await db.update(kbPages).set({ searchText: null, searchVector: null, titleVector: null }).where(eq(kbPages.id, page.id));
    expect((await searchEverything(userActor(seeded.admin), { q: '历史' })).hits).toEqual([]);
    const counts = await backfillSearchColumns();
    expect(counts).toMatchObject({ tasks: expect.any(Number), files: expect.any(Number), pages: expect.any(Number) });
    expect(counts.tasks).toBeGreaterThanOrEqual(1);
    expect(ids(await searchEverything(userActor(seeded.admin), { q: '历史' }))).toEqual([`task:${task.id}`, `file:${file.id}`, `page:${page.id}`].sort());
    expect(ids(await searchEverything(userActor(seeded.admin), { q: '老文档' }))).toEqual([`file:${file.id}`]);
    expect(await backfillSearchColumns()).toEqual({ tasks: 0, files: 0, pages: 0 });
  });
});

describe('global search of a common word', () => {
  it('counts "1000+" and still ranks exactly: title hits first, then the newest, across spaces', async () => {
    const seeded = await seedSpace();
    const second = await createSpace(userActor(seeded.admin), seeded.organization.id, {
      name: '第二空间', goal: '无', startDate: '2026-12-01', endDate: '2027-01-31', departmentIds: [seeded.department.id], adminIds: [seeded.admin.id],
    });
    const db = database.handle.db;
    const day = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 60_000);
    // 1,800 tasks, two in three mentioning 周报 and every 100th named so; the rest hold it only as an English infix (no hit).
    const rows = Array.from({ length: 1800 }, (_, i) => {
      const name = i % 100 === 7 ? `周报汇总${i}` : `任务${i}`;
      const text = i % 3 === 0 ? 'xreportx' : `本周周报第${i}期`;
      return {
        spaceId: i % 2 ? second.id : seeded.space.id, number: 1000 + i, name, dueDate: '2026-12-31', assigneeId: seeded.admin.id,
        ...searchColumns(name, text), updatedAt: day(i),
      };
    });
    for (let i = 0; i < rows.length; i += 300) await db.insert(tasks).values(rows.slice(i, i + 300));
    const channel = await allChannelOf(second.id);
    const messagesToPost = Array.from({ length: 1100 }, (_, i) => ({
      spaceId: second.id, channelId: channel.id, seq: 10_000 + i, authorId: seeded.admin.id, body: `周报 ${i}`, ...searchColumns(`周报 ${i}`), createdAt: day(700 + i),
    }));
    for (let i = 0; i < messagesToPost.length; i += 300) await db.insert(messages).values(messagesToPost.slice(i, i + 300));
    const actor = userActor(seeded.admin);
    const result = await searchEverything(actor, { q: '周报', limit: 30 });
    expect(result.counts.task).toEqual({ total: 1000, capped: true });
    expect(result.counts.message).toEqual({ total: 1000, capped: true });
    const titled = rows.filter((r) => r.name.startsWith('周报')).reverse().map((r) => r.name);
    expect(result.hits.slice(0, titled.length).map((h) => h.title)).toEqual(titled);
    // Then the newest of tasks and messages together.
    const newest = [...rows.map((r, i) => ({ at: i, title: r.name, hit: r.searchText.includes('周报') && !r.name.startsWith('周报') })).filter((r) => r.hit), ...messagesToPost.map((m, i) => ({ at: 700 + i - 0.1, title: channel.name, hit: true }))]
      .sort((a, b) => b.at - a.at).slice(0, 30 - titled.length).map((r) => r.title);
    expect(result.hits.slice(titled.length).map((h) => h.title)).toEqual(newest);
    const english = await searchEverything(actor, { q: 'report', type: 'task' });
    expect(english.counts.task.total).toBe(0);
  });
  it('ranks exactly when titles hold the word in one space and rarely in another (walked, then asked of the index)', async () => {
    const seeded = await seedSpace();
    const spaceOf = async (name: string) => createSpace(userActor(seeded.admin), seeded.organization.id, {
      name, goal: '无', startDate: '2026-12-01', endDate: '2027-01-31', departmentIds: [seeded.department.id], adminIds: [seeded.admin.id],
    });
    const [dense, sparse] = [await spaceOf('周报密集'), await spaceOf('周报稀疏')];
    const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 60_000);
    // Dense: 1,300 tasks, every one named 周报 (older; more title hits than the index ranks). Sparse: 1,100 tasks, every 250th named so
    // (newer; the oldest of them beyond the walk's depth), the rest holding it in their text only;
    // the seeded space: 20 tasks with it in the text.
    const rows = [
      ...Array.from({ length: 1300 }, (_, i) => ({ spaceId: dense.id, name: `周报${i}`, text: '', at: at(i) })),
      ...Array.from({ length: 1100 }, (_, i) => ({ spaceId: sparse.id, name: i % 250 === 3 ? `稀疏周报${i}` : `事项${i}`, text: `写周报${i}`, at: at(2000 + i * 2) })),
      ...Array.from({ length: 20 }, (_, i) => ({ spaceId: seeded.space.id, name: `杂项${i}`, text: `周报附件${i}`, at: at(9000 + i) })),
    ].map((r, i) => ({
      spaceId: r.spaceId, number: 1000 + i, name: r.name, dueDate: '2026-12-31', assigneeId: seeded.admin.id, ...searchColumns(r.name, r.text), updatedAt: r.at,
    }));
    const db = database.handle.db;
    for (let i = 0; i < rows.length; i += 300) await db.insert(tasks).values(rows.slice(i, i + 300));
    const result = await searchEverything(userActor(seeded.admin), { q: '周报', type: 'task', limit: 40 });
    expect(result.counts.task).toEqual({ total: 1000, capped: true });
    const ranked = [...rows].sort((a, b) => Number(b.name.includes('周报')) - Number(a.name.includes('周报')) || b.updatedAt.getTime() - a.updatedAt.getTime());
    expect(result.hits.map((h) => h.title)).toEqual(ranked.slice(0, 40).map((r) => r.name));
  });
});

describe('GET /api/v1/search', () => {
  it('answers with hits and counts, 422 for bad input and 401 without a session', async () => {
    const seeded = await seedSpace();
    await seedTask(seeded, { name: '接口测试任务' });
    const token = await tokenOf(seeded.observer);
    const ok = await call(searchRoute.GET, { token, query: `?q=${encodeURIComponent('接口')}&type=task` });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ hits: [{ type: 'task', title: '接口测试任务' }], counts: { task: { total: 1, capped: false } }, nextCursor: null });
    for (const query of ['', '?q=', '?q=%EF%BC%81', '?q=a&type=meeting', '?q=a&spaceId=nope', '?q=a&from=2026-13-01', '?q=a&from=2026-02-01&to=2026-01-01', '?q=a&limit=0', '?q=a&cursor=-1']) {
      const bad = await call(searchRoute.GET, { token, query });
      expect(bad.status, query).toBe(422);
    }
    expect((await call(searchRoute.GET, { query: '?q=a' })).status).toBe(401);
  });
});
