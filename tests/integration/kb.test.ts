import { eq } from 'drizzle-orm';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { RichTextView } from '@/components/rich-text/rich-text-view';
import { getDb } from '@/db/client';
import { auditEvents, kbPages } from '@/db/schema';
import { systemActor, userActor } from '@/lib/auth/actor';
import { listComments } from '@/lib/comments/queries';
import { addComment } from '@/lib/comments/service';
import { isPageConflict } from '@/lib/kb/conflict';
import { diffRevisions, getPage, listPages, listRevisions } from '@/lib/kb/queries';
import { createPage, deletePage, movePage, promotePage, restorePageVersion, savePage } from '@/lib/kb/service';
import { createTag, createTagSet, deleteTag, listTagSets } from '@/lib/kb/tags';
import { archiveSpace } from '@/lib/spaces/service';
import { setupTestDatabase } from './support/database';
import { seedSpace, seedUser } from './support/factories';
import { rejection } from './support/rejection';

vi.mock('next/headers', () => ({
  cookies: async () => ({ has: () => false, get: () => undefined }),
  headers: async () => new Headers(),
}));

setupTestDatabase();

type Seeded = Awaited<ReturnType<typeof seedSpace>>;

const doc = (...lines: string[]) => ({ type: 'doc', content: lines.map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })) });

/** Two tags of a fresh set in the test organisation. */
async function seedTags(seeded: Seeded) {
  const set = await createTagSet(systemActor, seeded.organization.id, { name: `类别-${crypto.randomUUID().slice(0, 6)}` });
  const process = await createTag(systemActor, seeded.organization.id, { tagSetId: set.id, name: '流程', color: 'blue' });
  const faq = await createTag(systemActor, seeded.organization.id, { tagSetId: set.id, name: 'FAQ', color: 'green' });
  return { set, process, faq };
}

const writePage = (seeded: Seeded, input: Record<string, unknown> = {}) =>
  createPage(userActor(seeded.participant), seeded.space.id, { title: '发布流程', content: doc('先走评审，再上线。'), ...input });

describe('writing space pages', () => {
  it('creates a page from a template in the creator’s language, as version 1 with its revision', async () => {
    const seeded = await seedSpace();
    const page = await createPage(userActor(seeded.participant), seeded.space.id, { title: '周会纪要', template: 'meetingMinutes' }, 'zh-CN');
    expect(page.version).toBe(1);
    expect(JSON.stringify(page.content)).toContain('决议');
    expect(JSON.stringify(page.content)).toContain('"table"');
    const { revisions } = await listRevisions(userActor(seeded.observer), page.id);
    expect(revisions.map((r) => r.version)).toEqual([1]);
    const audit = await (await getDb()).select().from(auditEvents).where(eq(auditEvents.targetId, page.id));
    expect(audit.map((a) => a.action)).toEqual(['kb.create']);
  });

  it('saves title, content and tags as a new version and fills the search columns', async () => {
    const seeded = await seedSpace();
    const { process, faq } = await seedTags(seeded);
    const page = await writePage(seeded);
    const saved = await savePage(userActor(seeded.owner), page.id, { title: '发布流程 V2', content: doc('先走评审，再灰度上线。'), tagIds: [process.id, faq.id], baseVersion: 1 });
    expect(saved.version).toBe(2);
    expect(saved.searchText).toContain('灰度上线');
    const view = await getPage(userActor(seeded.observer), page.id);
    expect(view.tags.map((t) => t.name).sort()).toEqual(['FAQ', '流程']);
    expect(view.rights).toEqual({ edit: false, promote: false, comment: true });
  });

  it('refuses tags outside the organisation’s sets', async () => {
    const seeded = await seedSpace();
    const error = await rejection(writePage(seeded, { tagIds: [crypto.randomUUID()] }));
    expect(error).toMatchObject({ status: 422, fieldErrors: { tagIds: ['kbTagUnknown'] } });
    const { faq } = await seedTags(seeded);
    await deleteTag(systemActor, seeded.organization.id, faq.id);
    const page = await writePage(seeded);
    expect(await rejection(savePage(userActor(seeded.participant), page.id, { title: 'x', content: doc('y'), tagIds: [faq.id], baseVersion: 1 })))
      .toMatchObject({ status: 422, fieldErrors: { tagIds: ['kbTagUnknown'] } });
  });

  it('detects a concurrent edit: the second save is refused with the version that won, and nothing is lost', async () => {
    const seeded = await seedSpace();
    const page = await writePage(seeded);
    await savePage(userActor(seeded.owner), page.id, { title: '发布流程', content: doc('负责人的版本'), baseVersion: 1 });
    const error = await rejection(savePage(userActor(seeded.participant), page.id, { title: '发布流程', content: doc('参与者的版本'), baseVersion: 1 }));
    expect(isPageConflict(error)).toBe(true);
    expect(error).toMatchObject({ status: 409, messageKey: 'kbPageConflict', current: { version: 2, updatedByName: '负责人' } });
    expect(JSON.stringify((await getPage(userActor(seeded.participant), page.id)).page.content)).toContain('负责人的版本');
    // Having merged, the participant saves on top of the winner.
    const merged = await savePage(userActor(seeded.participant), page.id, { title: '发布流程', content: doc('负责人的版本', '参与者的版本'), baseVersion: 2 });
    expect(merged.version).toBe(3);
  });

  it('lets only contributors write; observers read; outsiders get 404', async () => {
    const seeded = await seedSpace();
    expect(await rejection(writePage(seeded, {}).then(() => createPage(userActor(seeded.observer), seeded.space.id, { title: '观察' }))))
      .toMatchObject({ status: 403 });
    const page = await writePage(seeded);
    expect(await rejection(getPage(userActor(seeded.outsider), page.id))).toMatchObject({ status: 404 });
    expect(await rejection(listPages(userActor(seeded.outsider), seeded.space.id))).toMatchObject({ status: 404 });
    expect(await rejection(savePage(userActor(seeded.outsider), page.id, { title: 'x', content: doc('x'), baseVersion: 1 }))).toMatchObject({ status: 404 });
    const stranger = await seedUser({ name: '别家' });
    expect(await rejection(getPage(userActor({ ...stranger, organizationId: crypto.randomUUID() }), page.id))).toMatchObject({ status: 404 });
    expect(await rejection(getPage(userActor(seeded.participant), 'not-a-uuid'))).toMatchObject({ status: 404 });
  });

  it('refuses bad input with field errors', async () => {
    const seeded = await seedSpace();
    const error = await rejection(createPage(userActor(seeded.participant), seeded.space.id, { title: ' ', template: 'novel', content: { type: 'doc', content: [{ type: 'script' }] } }));
    expect(error).toMatchObject({ status: 422, fieldErrors: { title: ['required'], template: ['templateUnknown'], content: ['richTextInvalid'] } });
    const page = await writePage(seeded);
    expect(await rejection(savePage(userActor(seeded.participant), page.id, { title: 'x', content: doc('x'), baseVersion: 'abc' })))
      .toMatchObject({ status: 422, fieldErrors: { baseVersion: ['invalid'] } });
  });
});

describe('the page tree', () => {
  it('creates under a parent, moves before a sibling, and refuses a cycle', async () => {
    const seeded = await seedSpace();
    const actor = userActor(seeded.participant);
    const guide = await writePage(seeded, { title: '指南' });
    const a = await writePage(seeded, { title: '甲', parentId: guide.id });
    const b = await writePage(seeded, { title: '乙', parentId: guide.id });
    await movePage(actor, b.id, { parentId: guide.id, beforeId: a.id });
    const { pages } = await listPages(actor, seeded.space.id);
    expect(pages.filter((p) => p.parentId === guide.id).map((p) => p.title)).toEqual(['乙', '甲']);
    expect(await rejection(movePage(actor, guide.id, { parentId: a.id }))).toMatchObject({ status: 422, fieldErrors: { parentId: ['kbPageCycle'] } });
    const other = await seedSpace();
    const elsewhere = await writePage(other);
    expect(await rejection(movePage(actor, a.id, { parentId: elsewhere.id }))).toMatchObject({ status: 422, fieldErrors: { parentId: ['kbPageUnknown'] } });
  });

  it('deletes a page with the pages below it', async () => {
    const seeded = await seedSpace();
    const actor = userActor(seeded.participant);
    const guide = await writePage(seeded, { title: '指南' });
    const child = await writePage(seeded, { title: '子页', parentId: guide.id });
    await deletePage(actor, guide.id);
    expect((await listPages(actor, seeded.space.id)).pages).toEqual([]);
    expect(await rejection(getPage(actor, child.id))).toMatchObject({ status: 404 });
  });
});

describe('history', () => {
  it('diffs two versions by line and word, and restores an older one as a new version', async () => {
    const seeded = await seedSpace();
    const actor = userActor(seeded.participant);
    const page = await createPage(actor, seeded.space.id, { title: '手册', content: doc('第一步：申请权限', '第二步：提交') });
    await savePage(actor, page.id, { title: '手册', content: doc('第一步：申请账号权限', '第二步：提交', '第三步：验收'), baseVersion: 1 });
    const diff = await diffRevisions(actor, page.id, { from: 1, to: 2 });
    expect(diff.text.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['账号', '第三步：验收']);
    expect(diff.text.some((p) => p.kind === 'removed')).toBe(false);
    const restored = await restorePageVersion(actor, page.id, { version: 1 });
    expect(restored.version).toBe(3);
    expect(restored.searchText).not.toContain('验收');
    const { revisions } = await listRevisions(actor, page.id);
    expect(revisions.map((r) => [r.version, r.restoredFrom])).toEqual([[3, 1], [2, null], [1, null]]);
    expect(await rejection(restorePageVersion(actor, page.id, { version: 9 }))).toMatchObject({ status: 404 });
  });
});

describe('an archived space', () => {
  it('keeps its pages readable and refuses every write', async () => {
    const seeded = await seedSpace();
    const page = await writePage(seeded);
    await archiveSpace(systemActor, seeded.space.id);
    const actor = userActor(seeded.participant);
    expect((await getPage(actor, page.id)).rights.edit).toBe(false);
    expect(await rejection(savePage(actor, page.id, { title: 'x', content: doc('x'), baseVersion: 1 }))).toMatchObject({ status: 403, messageKey: 'spaceArchived' });
    expect(await rejection(createPage(actor, seeded.space.id, { title: '新页' }))).toMatchObject({ status: 403, messageKey: 'spaceArchived' });
    expect(await rejection(deletePage(actor, page.id))).toMatchObject({ status: 403, messageKey: 'spaceArchived' });
    expect(await rejection(restorePageVersion(actor, page.id, { version: 1 }))).toMatchObject({ status: 403, messageKey: 'spaceArchived' });
  });
});

describe('the organisation’s knowledge base', () => {
  it('is read by every member and written by admins only', async () => {
    const seeded = await seedSpace();
    const admin = await seedUser({ name: '组织管理员', isOrgAdmin: true });
    const page = await createPage(userActor(admin), null, { title: '公司报销制度', content: doc('发票须在三十天内提交。') });
    expect(page.spaceId).toBeNull();
    const member = userActor(seeded.outsider);
    expect((await getPage(member, page.id)).rights.edit).toBe(false);
    expect((await listPages(member, null, { q: '发票' })).pages.map((p) => p.id)).toContain(page.id);
    expect(await rejection(createPage(member, null, { title: '我的' }))).toMatchObject({ status: 403 });
    expect(await rejection(savePage(member, page.id, { title: 'x', content: doc('x'), baseVersion: 1 }))).toMatchObject({ status: 403 });
  });

  it('takes a promoted space page with its tags, also from an archived space, from leads and admins only', async () => {
    const seeded = await seedSpace();
    const { process } = await seedTags(seeded);
    const page = await writePage(seeded, { tagIds: [process.id] });
    expect(await rejection(promotePage(userActor(seeded.participant), page.id))).toMatchObject({ status: 403 });
    expect(await rejection(promotePage(userActor(seeded.outsider), page.id))).toMatchObject({ status: 404 });
    await archiveSpace(systemActor, seeded.space.id);
    const promoted = await promotePage(userActor(seeded.owner), page.id);
    expect(promoted).toMatchObject({ spaceId: null, promotedFromId: page.id, title: '发布流程', version: 1 });
    const view = await getPage(userActor(seeded.outsider), promoted.id);
    expect(view.tags.map((t) => t.id)).toEqual([process.id]);
    expect(view.promotedFrom).toMatchObject({ id: page.id, spaceId: seeded.space.id });
    expect(await rejection(promotePage(userActor(seeded.owner), promoted.id))).toMatchObject({ status: 422 });
  });
});

describe('search in the page list', () => {
  it('finds pages by a Chinese word exactly like a substring match, and filters by tag', async () => {
    const seeded = await seedSpace();
    const { process } = await seedTags(seeded);
    const actor = userActor(seeded.participant);
    const hit = await createPage(actor, seeded.space.id, { title: '上线检查', content: doc('灰度发布前要备份数据库。'), tagIds: [process.id] });
    await createPage(actor, seeded.space.id, { title: '数据分析', content: doc('每周备份一次报表，灰度环境另算。') });
    const titles = async (input: Record<string, unknown>) => (await listPages(actor, seeded.space.id, input)).pages.map((p) => p.title);
    expect(await titles({ q: '灰度发布' })).toEqual(['上线检查']);
    expect((await titles({ q: '备份' })).sort()).toEqual(['上线检查', '数据分析']);
    expect(await titles({ q: '上线' })).toEqual(['上线检查']);
    expect(await titles({ q: '度发' })).toEqual(['上线检查']);
    expect(await titles({ q: '发灰' })).toEqual([]);
    expect(await titles({ tagId: process.id })).toEqual(['上线检查']);
    expect(await titles({ q: '！！' })).toEqual([]);
    await savePage(actor, hit.id, { title: '上线检查', content: doc('改过了'), baseVersion: 1 });
    expect(await titles({ q: '灰度发布' })).toEqual([]);
  });
});

describe('pasted HTML and unsafe content', () => {
  const corpus = [
    { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '<script>alert(1)</script>' }] }] },
    { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '<img src=x onerror=alert(1)>', marks: [{ type: 'link', attrs: { href: 'https://example.com', onclick: 'alert(1)' } }] }] }] },
    { type: 'doc', content: [{ type: 'paragraph', attrs: { onmouseover: 'alert(1)' }, content: [{ type: 'text', text: '悬停' }] }] },
  ];

  it('stores scripts as text and drops unknown attributes; the rendered page runs nothing', async () => {
    const seeded = await seedSpace();
    for (const content of corpus) {
      const page = await writePage(seeded, { content });
      const [stored] = await (await getDb()).select().from(kbPages).where(eq(kbPages.id, page.id));
      const json = JSON.stringify(stored!.content);
      expect(json).not.toMatch(/onerror"|onclick|onmouseover/);
      const html = renderToStaticMarkup(RichTextView({ doc: stored!.content, flavour: 'page' })!);
      expect(html).not.toMatch(/<script|<img|<[^>]*\son\w+=/i);
    }
  });

  it('refuses script nodes, javascript: links and images from elsewhere', async () => {
    const seeded = await seedSpace();
    const unsafe = [
      { type: 'doc', content: [{ type: 'script', content: [{ type: 'text', text: 'alert(1)' }] }] },
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '点我', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] },
      { type: 'doc', content: [{ type: 'image', attrs: { src: 'https://evil.example.com/x.png' } }] },
      { type: 'doc', content: [{ type: 'image', attrs: { src: 'data:image/svg+xml;base64,PHN2Zz4=' } }] },
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: '//evil.example.com' } }] }] }] },
    ];
    for (const content of unsafe) {
      expect(await rejection(writePage(seeded, { content }))).toMatchObject({ status: 422, fieldErrors: { content: ['richTextInvalid'] } });
    }
    const fine = await writePage(seeded, {
      content: { type: 'doc', content: [
        { type: 'image', attrs: { src: `/api/v1/files/${crypto.randomUUID()}/image` } },
        { type: 'paragraph', content: [{ type: 'text', text: '任务', marks: [{ type: 'link', attrs: { href: `/spaces/${seeded.space.id}/tasks/1` } }] }] },
        { type: 'taskList', content: [{ type: 'taskItem', attrs: { checked: true }, content: [{ type: 'paragraph', content: [{ type: 'text', text: '已备份' }] }] }] },
        { type: 'codeBlock', content: [{ type: 'text', text: 'npm run build' }] },
      ] },
    });
    expect(fine.searchText).toContain('已备份');
  });
});

describe('comments on a page', () => {
  it('go through the comments domain for space pages', async () => {
    const seeded = await seedSpace();
    const page = await writePage(seeded);
    await addComment(userActor(seeded.observer), { targetType: 'kbPage', targetId: page.id, body: '第二步写得不清楚' });
    const listing = await listComments(userActor(seeded.participant), { targetType: 'kbPage', targetId: page.id }, new Date());
    expect(listing.threads.map((c) => c.body)).toEqual(['第二步写得不清楚']);
    expect(await rejection(listComments(userActor(seeded.outsider), { targetType: 'kbPage', targetId: page.id }, new Date()))).toMatchObject({ status: 404 });
  });
});

describe('tag sets', () => {
  it('are managed by admins and read by every member; a taken name is a field error', async () => {
    const seeded = await seedSpace();
    const { set } = await seedTags(seeded);
    expect(await rejection(createTagSet(userActor(seeded.admin), seeded.organization.id, { name: '阶段' }))).toMatchObject({ status: 403 });
    expect(await rejection(createTag(systemActor, seeded.organization.id, { tagSetId: set.id, name: '流程' }))).toMatchObject({ status: 422, fieldErrors: { name: ['kbTagNameTaken'] } });
    const sets = await listTagSets(userActor(seeded.observer), seeded.organization.id);
    expect(sets.find((s) => s.id === set.id)?.tags.map((t) => t.name)).toEqual(['流程', 'FAQ']);
  });
});
