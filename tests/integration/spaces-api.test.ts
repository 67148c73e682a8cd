import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { spaces } from '@/db/schema';
import { systemActor } from '@/lib/auth/actor';
import { spaceDetailSchema, spaceListItemSchema } from '@/lib/spaces/resources';
import { archiveSpace, unarchiveSpace } from '@/lib/spaces/service';
import * as spacesRoute from '@/app/api/v1/spaces/route';
import * as spaceRoute from '@/app/api/v1/spaces/[spaceId]/route';
import * as membersRoute from '@/app/api/v1/spaces/[spaceId]/members/route';
import * as memberRoute from '@/app/api/v1/spaces/[spaceId]/members/[userId]/route';
import * as archiveRoute from '@/app/api/v1/spaces/[spaceId]/archive/route';
import * as unarchiveRoute from '@/app/api/v1/spaces/[spaceId]/unarchive/route';
import * as templatesRoute from '@/app/api/v1/templates/route';
import * as spaceTasksRoute from '@/app/api/v1/spaces/[spaceId]/tasks/route';
import * as taskRoute from '@/app/api/v1/tasks/[taskId]/route';
import * as commentsRoute from '@/app/api/v1/comments/route';
import * as progressTableRoute from '@/app/api/v1/spaces/[spaceId]/progress-table/route';
import { GET as getOpenApi } from '@/app/api/v1/openapi.json/route';
import { call, tokenOf } from './support/api-client';
import { setupTestDatabase } from './support/database';
import { permissionMismatches, type PermissionEndpoints } from './support/permission-table';
import { sheetRoutes } from './support/sheet-routes';
import { buildSheet } from '../support/task-sheet-builder';
import { freshTask, seedDepartment, seedOrganization, seedSpace, seedSpaceWithTask, seedUser, type SeededSpaceWithTask } from './support/factories';

vi.mock('next/headers', () => ({
  cookies: async () => ({ has: () => false, get: () => undefined }),
  headers: async () => new Headers(),
}));

const database = setupTestDatabase();

type Seeded = SeededSpaceWithTask;

/** Each space action the API offers, as an HTTP call; the status it must answer when allowed. */
const endpoints: PermissionEndpoints<Seeded> = {
  'space.view': { ok: 200, run: (token, s) => call(spaceRoute.GET, { token, params: { spaceId: s.space.id } }) },
  'space.manageSettings': { ok: 200, run: (token, s) => call(spaceRoute.PATCH, { token, params: { spaceId: s.space.id }, body: { goal: `新目标 ${Date.now()}` } }) },
  'space.manageMembers': {
    ok: 201,
    run: async (token, s) => {
      const newcomer = await seedUser({ departmentId: s.department.id });
      return call(membersRoute.POST, { token, params: { spaceId: s.space.id }, body: { userIds: [newcomer.id], role: 'observer' } });
    },
  },
  'space.archive': {
    ok: 200,
    run: async (token, s) => {
      const result = await call(archiveRoute.POST, { token, params: { spaceId: s.space.id }, body: {} });
      if (result.status === 200) await unarchiveSpace(systemActor, s.space.id);
      return result;
    },
  },
  'space.unarchive': {
    ok: 200,
    run: async (token, s) => {
      const result = await call(unarchiveRoute.POST, { token, params: { spaceId: s.space.id }, body: {} });
      if (result.status === 200) await archiveSpace(systemActor, s.space.id);
      return result;
    },
  },
  'space.comment': { ok: 201, run: (token, s) => call(commentsRoute.POST, { token, body: { targetType: 'task', targetId: s.task.id, body: 'API 评论' } }) },
  'task.create': {
    ok: 201,
    run: (token, s) => call(spaceTasksRoute.POST, { token, params: { spaceId: s.space.id }, body: { name: 'API 任务', dueDate: '2026-12-10', assigneeId: s.participant.id } }),
  },
  'task.edit': { ok: 200, run: (token, s) => call(taskRoute.PATCH, { token, params: { taskId: s.task.id }, body: { priority: 'high' } }) },
  'task.changeStatus': { ok: 200, run: (token, s) => call(taskRoute.PATCH, { token, params: { taskId: s.task.id }, body: { status: 'in_progress' } }) },
  'task.delete': { ok: 204, run: async (token, s) => call(taskRoute.DELETE, { token, params: { taskId: (await freshTask(s)).id }, method: 'DELETE' }) },
  'milestone.manage': {
    ok: 200,
    run: async (token, s) => {
      const sheet = await buildSheet({ headers: ['关键节点', '计划完成时间'], rows: [{ 关键节点: `API 节点 ${Date.now()}`, 计划完成时间: '2027-01-31' }] });
      return sheetRoutes('progress-table', progressTableRoute).upload(token, s.space.id, sheet);
    },
  },
};

describe('the permission matrix through the HTTP API', () => {
  for (const status of ['active', 'archived'] as const) {
    it(`answers every role as the matrix says in an ${status} space`, async () => {
      const mismatches = await permissionMismatches(seedSpaceWithTask, endpoints, status);
      expect(mismatches).toEqual([]);
    });
  }
});

describe('the spaces API', () => {
  it('creates a space and answers with it in the documented shape; lists and reads it', async () => {
    const org = await seedOrganization();
    const [a, b, c] = await Promise.all(['研发部', '市场部', '销售部'].map((n) => seedDepartment(org.id, `${n}-${crypto.randomUUID().slice(0, 4)}`)));
    const creator = await seedUser({ departmentId: a!.id });
    const token = await tokenOf(creator);
    const created = await call(spacesRoute.POST, {
      token,
      body: { name: 'API 建的空间', goal: '目标', startDate: '2027-01-01', endDate: '2027-03-31', departmentIds: [a!.id, b!.id, c!.id], adminIds: [creator.id], templateKey: 'builtin:product-launch' },
    });
    expect(created.status).toBe(201);
    const space = spaceDetailSchema.parse(created.body.space);
    expect(space).toMatchObject({ name: 'API 建的空间', status: 'active', members: [{ userId: creator.id, role: 'owner', isAdmin: true }] });
    expect(space.permissions).toContain('space.manageMembers');

    const list = await call(spacesRoute.GET, { token, query: '?q=API' });
    expect(list.status).toBe(200);
    expect(list.body.data.map((item: unknown) => spaceListItemSchema.parse(item).id)).toContain(space.id);
    const read = await call(spaceRoute.GET, { token, params: { spaceId: space.id } });
    expect(spaceDetailSchema.parse(read.body.space).departments).toHaveLength(3);
  });

  it('answers bad input with 4xx and field messages, and writes nothing', async () => {
    const { space, admin, participant, organization } = await seedSpace();
    const other = await seedSpace();
    const token = await tokenOf(admin);
    const before = (await database.handle.db.select().from(spaces)).length;

    const tooLong = await call(spacesRoute.POST, { token, body: { name: 'x'.repeat(201), goal: '目标', startDate: '2027-02-01', endDate: '2027-01-01', departmentIds: [], adminIds: [admin.id, participant.id, other.admin.id] } });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.error).toMatchObject({
      code: 'invalid',
      fields: { name: ['Too long'], endDate: ['The end date cannot be before the start date'], departmentIds: ['Choose at least one participating department'], adminIds: ['A space has at most two admins'] },
    });
    const unknownIds = await call(spacesRoute.POST, { token, body: { name: 'n', goal: 'g', startDate: '2027-01-01', endDate: '2027-01-02', departmentIds: [crypto.randomUUID()], adminIds: [admin.id] } });
    expect(unknownIds.body.error.fields).toEqual({ departmentIds: ['That department does not exist'] });
    expect((await call(spacesRoute.POST, { token, raw: '{"name": ' })).status).toBe(400);
    expect((await call(spacesRoute.POST, { token, raw: 'name=x', contentType: 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await call(spacesRoute.POST, { token, body: ['not', 'an', 'object'] })).status).toBe(422);
    expect((await database.handle.db.select().from(spaces)).length).toBe(before);

    const spaceId = space.id;
    const duplicate = await call(membersRoute.POST, { token, params: { spaceId }, body: { userIds: [participant.id] } });
    expect(duplicate).toMatchObject({ status: 409, body: { error: { code: 'conflict', fields: { userIds: ['That person is already a member'] } } } });
    const badRole = await call(memberRoute.PATCH, { token, params: { spaceId, userId: participant.id }, body: { role: 'boss' } });
    expect(badRole).toMatchObject({ status: 422, body: { error: { fields: { role: ['The role must be owner, participant or observer'] } } } });
    const thirdAdmin = await call(memberRoute.PATCH, { token, params: { spaceId, userId: participant.id }, body: { isAdmin: true } });
    expect(thirdAdmin.status).toBe(200);
    const owner = (await call(membersRoute.GET, { token, params: { spaceId } })).body.members.find((m: { role: string; isAdmin: boolean }) => m.role === 'owner' && !m.isAdmin);
    expect((await call(memberRoute.PATCH, { token, params: { spaceId, userId: owner.userId }, body: { isAdmin: true } })).status).toBe(409);
    // A member of another space, addressed through this one, does not exist here.
    expect((await call(memberRoute.DELETE, { token, params: { spaceId, userId: other.participant.id } })).status).toBe(404);
    expect((await call(spaceRoute.GET, { token, params: { spaceId: other.space.id } })).status).toBe(404);
    expect((await call(spaceRoute.GET, { token, params: { spaceId: 'not-a-uuid' } })).status).toBe(404);
    const [unchanged] = await database.handle.db.select().from(spaces).where(eq(spaces.id, other.space.id));
    expect(unchanged!.organizationId).toBe(organization.id);
  });

  it('refuses callers without a token, and lists the four built-in templates first', async () => {
    expect((await call(spacesRoute.GET)).status).toBe(401);
    const user = await seedUser();
    const templates = await call(templatesRoute.GET, { token: await tokenOf(user) });
    expect(templates.status).toBe(200);
    expect(templates.body.templates.slice(0, 4).map((t: { key: string }) => t.key)).toEqual([
      'builtin:product-launch', 'builtin:event-preparation', 'builtin:customer-complaint', 'builtin:process-optimization',
    ]);
  });
});

describe('the OpenAPI document', () => {
  it('documents every route handler under /api/v1, each with the methods it exports', async () => {
    const document = await (await getOpenApi()).json();
    const root = path.join(process.cwd(), 'app/api/v1');
    const routes = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('route.ts'));
    const undocumented: string[] = [];
    for (const file of routes) {
      const dir = path.dirname(file);
      // The catch-all answers unknown paths with 404; the document itself needs no entry.
      if (dir.includes('[...') || dir === 'openapi.json') continue;
      const apiPath = `/${dir}`.replace(/\[(\w+)\]/g, '{$1}');
      const source = await readFile(path.join(root, file), 'utf8');
      const methods = [...source.matchAll(/export const (GET|POST|PATCH|PUT|DELETE)\b/g)].map((m) => m[1]!.toLowerCase());
      for (const method of methods) if (!document.paths[apiPath]?.[method]) undocumented.push(`${method.toUpperCase()} ${apiPath}`);
    }
    expect(routes.length).toBeGreaterThan(20);
    expect(undocumented).toEqual([]);
  });

  it('is a valid OpenAPI 3.1 document covering every endpoint, built from the handlers’ schemas', async () => {
    const document = await (await getOpenApi()).json();
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).sort()).toEqual([
      '/action-items/{itemId}', '/announcements/{announcementId}', '/announcements/{announcementId}/acknowledge',
      '/announcements/{announcementId}/readers', '/attachments/{attachmentId}', '/channels/{channelId}', '/channels/{channelId}/archive',
      '/channels/{channelId}/messages', '/channels/{channelId}/read', '/channels/{channelId}/readers', '/channels/{channelId}/unarchive',
      '/comments', '/comments/{commentId}', '/comments/{commentId}/handled',
      '/directory/runs', '/directory/template', '/directory/{source}/apply', '/directory/{source}/preview',
      '/files/{fileId}', '/files/{fileId}/attachments', '/files/{fileId}/content', '/files/{fileId}/image', '/files/{fileId}/preview', '/files/{fileId}/purge',
      '/files/{fileId}/restore', '/files/{fileId}/star', '/files/{fileId}/versions', '/files/{fileId}/versions/{versionId}/restore',
      '/folders/{folderId}', '/folders/{folderId}/purge', '/folders/{folderId}/restore', '/kb-tags', '/kb/pages', '/me', '/me/avatar', '/me/awaiting', '/me/starred-files',
      '/me/unread', '/meeting-notes/{noteId}', '/meetings/{meetingId}', '/meetings/{meetingId}/action-items',
      '/meetings/{meetingId}/action-items/sync', '/meetings/{meetingId}/agenda-timer', '/meetings/{meetingId}/cancel',
      '/meetings/{meetingId}/invitation', '/meetings/{meetingId}/minutes', '/meetings/{meetingId}/minutes-table',
      '/meetings/{meetingId}/notes', '/messages/{messageId}', '/messages/{messageId}/reactions', '/messages/{messageId}/receipts',
      '/messages/{messageId}/thread', '/notifications', '/notifications/read-all', '/notifications/stream',
      '/notifications/{notificationId}/read', '/pages/{pageId}', '/pages/{pageId}/diff', '/pages/{pageId}/promote',
      '/pages/{pageId}/restore', '/pages/{pageId}/revisions', '/search', '/spaces', '/spaces/{spaceId}', '/spaces/{spaceId}/announcements',
      '/spaces/{spaceId}/archive', '/spaces/{spaceId}/channels', '/spaces/{spaceId}/comment-settings', '/spaces/{spaceId}/events', '/spaces/{spaceId}/export', '/spaces/{spaceId}/feed',
      '/spaces/{spaceId}/files', '/spaces/{spaceId}/folders', '/spaces/{spaceId}/meetings', '/spaces/{spaceId}/members',
      '/spaces/{spaceId}/members/{userId}', '/spaces/{spaceId}/messages/search', '/spaces/{spaceId}/mute',
      '/spaces/{spaceId}/pages', '/spaces/{spaceId}/progress-table', '/spaces/{spaceId}/recycle-bin', '/spaces/{spaceId}/retrospective',
      '/spaces/{spaceId}/retrospective/complete', '/spaces/{spaceId}/retrospective/export',
      '/spaces/{spaceId}/retrospective/improvements/{improvementId}/page', '/spaces/{spaceId}/retrospective/improvements/{improvementId}/task', '/spaces/{spaceId}/retrospective/reopen',
      '/spaces/{spaceId}/task-table', '/spaces/{spaceId}/tasks',
      '/spaces/{spaceId}/unarchive', '/task-issues/{issueId}/resolve', '/tasks/{taskId}', '/tasks/{taskId}/blockers', '/templates',
    ]);
    expect(document.components.schemas.CreateSpace.properties.name).toMatchObject({ type: 'string', minLength: 1, maxLength: 100 });
    expect(document.components.schemas.SpaceDetail.properties.members.items).toEqual({ $ref: '#/components/schemas/SpaceMember' });
  });
});
