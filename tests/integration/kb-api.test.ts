import { describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { spaces } from '@/db/schema';
import { systemActor, userActor } from '@/lib/auth/actor';
import { pageListItemSchema, pageResourceSchema } from '@/lib/kb/resources';
import { createPage } from '@/lib/kb/service';
import { createTag, createTagSet } from '@/lib/kb/tags';
import { archiveSpace, unarchiveSpace } from '@/lib/spaces/service';
import * as spacePagesRoute from '@/app/api/v1/spaces/[spaceId]/pages/route';
import * as pageRoute from '@/app/api/v1/pages/[pageId]/route';
import * as revisionsRoute from '@/app/api/v1/pages/[pageId]/revisions/route';
import * as diffRoute from '@/app/api/v1/pages/[pageId]/diff/route';
import * as restoreRoute from '@/app/api/v1/pages/[pageId]/restore/route';
import * as promoteRoute from '@/app/api/v1/pages/[pageId]/promote/route';
import * as orgPagesRoute from '@/app/api/v1/kb/pages/route';
import * as tagsRoute from '@/app/api/v1/kb-tags/route';
import * as imageRoute from '@/app/api/v1/files/[fileId]/image/route';
import { uploadFile } from '@/lib/files/upload';
import { PNG } from '../support/file-fixtures';
import { call, tokenOf } from './support/api-client';
import { setupTestDatabase } from './support/database';
import { permissionMismatches, type PermissionEndpoints } from './support/permission-table';
import { seedSpace, seedUser } from './support/factories';

vi.mock('next/headers', () => ({
  cookies: async () => ({ has: () => false, get: () => undefined }),
  headers: async () => new Headers(),
}));

setupTestDatabase();

type Seeded = Awaited<ReturnType<typeof seedSpace>>;
const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** A fresh page of the space; in an archived space it is written while the space is briefly open again. */
async function pageOf(seeded: Seeded) {
  const [space] = await (await getDb()).select({ status: spaces.status }).from(spaces).where(eq(spaces.id, seeded.space.id));
  if (space!.status === 'archived') await unarchiveSpace(systemActor, seeded.space.id);
  const page = await createPage(userActor(seeded.participant), seeded.space.id, { title: '值班手册', content: doc('周末轮流值班') });
  if (space!.status === 'archived') await archiveSpace(systemActor, seeded.space.id);
  return page;
}

describe('the knowledge-base API', () => {
  it('creates from a template in the caller’s language, lists, reads and saves a page in the documented shapes', async () => {
    const seeded = await seedSpace();
    const token = await tokenOf(seeded.participant);
    const created = await call(spacePagesRoute.POST, { token, params: { spaceId: seeded.space.id }, body: { title: 'FAQ', template: 'faq' } });
    expect(created.status).toBe(201);
    const page = pageResourceSchema.parse(created.body.page);
    // The API client asks for English.
    expect(JSON.stringify(page.content)).toContain('Question one');
    const listed = await call(spacePagesRoute.GET, { token, params: { spaceId: seeded.space.id } });
    expect(listed.body.data.map((p: unknown) => pageListItemSchema.parse(p).id)).toEqual([page.id]);
    const saved = await call(pageRoute.PATCH, { token, params: { pageId: page.id }, body: { title: 'FAQ', content: doc('问：怎么请假？'), baseVersion: 1 }, method: 'PATCH' });
    expect(saved.status).toBe(200);
    expect(saved.body.page.version).toBe(2);
    const found = await call(spacePagesRoute.GET, { token, params: { spaceId: seeded.space.id }, query: '?q=请假' });
    expect(found.body.data.map((p: { id: string }) => p.id)).toEqual([page.id]);
  });

  it('answers a stale save with 409 and the current version, and keeps the newer text', async () => {
    const seeded = await seedSpace();
    const page = await pageOf(seeded);
    const params = { pageId: page.id };
    await call(pageRoute.PATCH, { token: await tokenOf(seeded.owner), params, body: { title: '值班手册', content: doc('负责人改过'), baseVersion: 1 }, method: 'PATCH' });
    const stale = await call(pageRoute.PATCH, { token: await tokenOf(seeded.participant), params, body: { title: '值班手册', content: doc('参与者改过'), baseVersion: 1 }, method: 'PATCH' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: 'conflict' }, current: { version: 2, updatedByName: '负责人', content: doc('负责人改过') } });
    const revisions = await call(revisionsRoute.GET, { token: await tokenOf(seeded.observer), params });
    expect(revisions.body.data.map((r: { version: number }) => r.version)).toEqual([2, 1]);
    const diff = await call(diffRoute.GET, { token: await tokenOf(seeded.observer), params, query: '?from=1&to=2' });
    expect(diff.body.text).toEqual(expect.arrayContaining([{ kind: 'added', text: '负责人改过' }, { kind: 'removed', text: '周末轮流值班' }]));
    const restored = await call(restoreRoute.POST, { token: await tokenOf(seeded.participant), params, body: { version: 1 } });
    expect(restored.body.page).toMatchObject({ version: 3, content: doc('周末轮流值班') });
  });

  it('refuses bad input with 4xx, never 500', async () => {
    const seeded = await seedSpace();
    const token = await tokenOf(seeded.participant);
    const page = await pageOf(seeded);
    const post = (body: unknown) => call(spacePagesRoute.POST, { token, params: { spaceId: seeded.space.id }, body });
    expect((await post({ title: 'x', tagIds: [crypto.randomUUID()] })).body.error.fields).toHaveProperty('tagIds');
    expect((await post({ title: 'x', content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] } })).status).toBe(422);
    expect((await post({ title: 'x', tagIds: 'not-a-list-of-ids' })).status).toBe(422);
    expect((await call(spacePagesRoute.POST, { token, params: { spaceId: seeded.space.id }, raw: '{"title":' })).status).toBe(400);
    expect((await call(pageRoute.PATCH, { token, params: { pageId: page.id }, body: { title: 'x' }, method: 'PATCH' })).status).toBe(422);
    expect((await call(pageRoute.PATCH, { token, params: { pageId: page.id }, body: { parentId: page.id }, method: 'PATCH' })).status).toBe(422);
    expect((await call(diffRoute.GET, { token, params: { pageId: page.id }, query: '?from=1' })).status).toBe(422);
    expect((await call(pageRoute.GET, { token, params: { pageId: 'nope' } })).status).toBe(404);
    expect((await call(spacePagesRoute.GET, { token: await tokenOf(seeded.outsider), params: { spaceId: seeded.space.id } })).status).toBe(404);
  });

  it('serves the organisation’s pages to every member and the tag sets they may use', async () => {
    const seeded = await seedSpace();
    const admin = await seedUser({ isOrgAdmin: true });
    const set = await createTagSet(systemActor, seeded.organization.id, { name: `API 类别 ${crypto.randomUUID().slice(0, 4)}` });
    const tag = await createTag(systemActor, seeded.organization.id, { tagSetId: set.id, name: '规范' });
    const created = await call(orgPagesRoute.POST, { token: await tokenOf(admin), body: { title: '信息安全规范', content: doc('密码至少十二位'), tagIds: [tag.id] } });
    expect(created.status).toBe(201);
    expect((await call(orgPagesRoute.POST, { token: await tokenOf(seeded.owner), body: { title: '我的' } })).status).toBe(403);
    const listed = await call(orgPagesRoute.GET, { token: await tokenOf(seeded.observer), query: `?tagId=${tag.id}` });
    expect(listed.body.data.map((p: { title: string }) => p.title)).toEqual(['信息安全规范']);
    const tags = await call(tagsRoute.GET, { token: await tokenOf(seeded.observer) });
    expect(tags.body.data.find((s: { id: string }) => s.id === set.id).tags.map((t: { name: string }) => t.name)).toEqual(['规范']);
  });
});

describe('images on pages', () => {
  const upload = async (seeded: Seeded, name: string, bytes: Uint8Array<ArrayBuffer>) =>
    (await uploadFile(userActor(seeded.participant), seeded.space.id, { name }, new Blob([bytes]).stream())).file;

  it('serves a library image inline to members only, and nothing that is not an image', async () => {
    const seeded = await seedSpace();
    const image = await upload(seeded, '架构图.png', PNG);
    const token = await tokenOf(seeded.observer);
    const request = new Request('http://localhost/api/v1/files/x/image', { headers: { authorization: `Bearer ${token}` } });
    const answer = await imageRoute.GET(request, { params: Promise.resolve({ fileId: image.id }) });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await answer.arrayBuffer())).toEqual(PNG);
    expect((await call(imageRoute.GET, { token: await tokenOf(seeded.outsider), params: { fileId: image.id } })).status).toBe(404);
    const text = await upload(seeded, 'notes.txt', new TextEncoder().encode('<svg onload=alert(1)>'));
    expect((await call(imageRoute.GET, { token, params: { fileId: text.id } })).status).toBe(404);
  });
});

/** Each knowledge-base action as an HTTP call, with the status it answers when allowed. */
const endpoints: PermissionEndpoints<Seeded> = {
  'space.view': { ok: 200, run: async (token, s) => call(pageRoute.GET, { token, params: { pageId: (await pageOf(s)).id } }) },
  'kb.edit': {
    ok: 200,
    run: async (token, s) => call(pageRoute.PATCH, { token, params: { pageId: (await pageOf(s)).id }, body: { title: '改', content: doc('改'), baseVersion: 1 }, method: 'PATCH' }),
  },
  'kb.promote': { ok: 201, run: async (token, s) => call(promoteRoute.POST, { token, params: { pageId: (await pageOf(s)).id }, body: {} }) },
};

describe('knowledge-base permissions through the HTTP API', () => {
  for (const status of ['active', 'archived'] as const) {
    it(`answers every role as the matrix says in an ${status} space`, async () => {
      const mismatches = await permissionMismatches(seedSpace, endpoints, status);
      expect(mismatches).toEqual([]);
    });
  }
});
