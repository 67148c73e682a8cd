import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { Invalid } from '@/lib/errors';
import { auditEvents, departments, directorySyncRuns, directoryUserLinks, notifications, organizations, tasks, users } from '@/db/schema';
import { systemActor, userActor } from '@/lib/auth/actor';
import type * as AuditModule from '@/lib/audit';
import { getCurrentUser } from '@/lib/auth/session';
import { directoryTemplate, fileReader, readDirectoryFile } from '@/lib/directory/file-source';
import type { SyncReport } from '@/lib/directory/report';
import { runScheduledSyncs } from '@/lib/directory/schedule';
import type { DirectoryPerson, DirectoryReader, DirectorySnapshot } from '@/lib/directory/snapshot';
import { applyPreviewedFile, applySync, listSyncRuns, previewSync } from '@/lib/directory/sync';
import { createUser, setUserActive } from '@/lib/org/user-admin-service';
import { getTask, listTasks } from '@/lib/tasks/queries';
import { listTasksNeedingReassignment, tasksNeedingReassignment } from '@/lib/tasks/reassignment';
import { POST as applyRoute } from '@/app/api/v1/directory/[source]/apply/route';
import { POST as previewRoute } from '@/app/api/v1/directory/[source]/preview/route';
import { GET as runsRoute } from '@/app/api/v1/directory/runs/route';
import { GET as templateRoute } from '@/app/api/v1/directory/template/route';
import { setupTestDatabase } from './support/database';
import { call, tokenOf } from './support/api-client';
import { seedSpace, seedTask, uniqueEmail } from './support/factories';
import { cookieJar, signInAs } from './support/session';

vi.mock('next/headers', async () => (await import('./support/session')).cookieJarModule());

// Lets a test make the run fail part-way through (after departments and some people are written).
const failAudit = vi.hoisted(() => ({ action: null as string | null }));
vi.mock('@/lib/audit', async (importOriginal) => {
  const original = await importOriginal<typeof AuditModule>();
  return {
    ...original,
    recordAudit: async (...args: Parameters<typeof original.recordAudit>) => {
      if (failAudit.action && args[2].action === failAudit.action) throw new Error('disk full');
      return original.recordAudit(...args);
    },
  };
});

const database = setupTestDatabase();
beforeEach(() => {
  cookieJar.clear();
  failAudit.action = null;
});

/** Each test gets its own organisation (with an admin the source does not know), so runs do not meet. */
async function freshOrganization() {
  const db = await getDb();
  const [organization] = await db.insert(organizations).values({ name: '同步测试公司' }).returning();
  const admin = await createUser(systemActor, organization!.id, { email: uniqueEmail('admin'), name: '管理员', isOrgAdmin: true });
  return { organization: organization!, admin, actor: userActor(admin) };
}

const person = (externalId: string, overrides: Partial<DirectoryPerson> = {}): DirectoryPerson => ({
  externalId, name: `员工${externalId}`, email: `${externalId}.${Math.random().toString(36).slice(2, 8)}@corp.example.com`,
  phone: null, title: null, employeeId: `E${externalId}`, departmentExternalId: 'dev', active: true, ...overrides,
});

function fakeReader(snapshot: Omit<DirectorySnapshot, 'source' | 'skipped'>, source: DirectorySnapshot['source'] = 'ldap'): DirectoryReader & { snapshot: DirectorySnapshot } {
  const reader = { source, snapshot: { source, skipped: [], ...snapshot }, read: async () => reader.snapshot };
  return reader;
}

const tree = [
  { externalId: 'root', name: '总部', parentExternalId: null },
  { externalId: 'dev', name: '研发部', parentExternalId: 'root' },
];

async function orgState(organizationId: string) {
  const db = await getDb();
  const [people, depts] = await Promise.all([
    db.select().from(users).where(eq(users.organizationId, organizationId)),
    db.select().from(departments).where(eq(departments.organizationId, organizationId)),
  ]);
  return { people, depts };
}

const reportOf = (run: { report: unknown }) => run.report as SyncReport;

describe('directory sync', () => {
  it('previews without writing, then applies the tree and people, and a second run changes nothing', async () => {
    const { organization, actor } = await freshOrganization();
    const reader = fakeReader({ departments: tree, people: [person('1', { title: '工程师' }), person('2', { email: null })] });

    const preview = await previewSync(actor, organization.id, reader);
    expect(preview).toMatchObject({ dryRun: true, status: 'succeeded' });
    expect(reportOf(preview).counts).toMatchObject({ departmentsCreated: 2, peopleCreated: 1, skipped: 1 });
    expect(reportOf(preview).skipped).toEqual([{ record: '员工2 (E2)', reason: 'noEmail' }]);
    expect((await orgState(organization.id)).depts).toHaveLength(0);

    const applied = await applySync(actor, organization.id, reader);
    expect(applied).toMatchObject({ dryRun: false, status: 'succeeded' });
    const { people, depts } = await orgState(organization.id);
    const dev = depts.find((d) => d.name === '研发部')!;
    expect(dev.sortOrder).toBe(0);
    expect(depts.find((d) => d.id === dev.parentId)?.name).toBe('总部');
    expect(people.find((p) => p.employeeId === 'E1')).toMatchObject({ title: '工程师', departmentId: dev.id, isActive: true });

    const again = await applySync(actor, organization.id, reader);
    expect(reportOf(again).counts).toMatchObject({ departmentsCreated: 0, departmentsUpdated: 0, peopleCreated: 0, peopleUpdated: 0, peopleDeactivated: 0, unchanged: 3 });
    expect((await orgState(organization.id)).people).toHaveLength(2);
  });

  it('applies changes incrementally: renames, moves and updates what changed', async () => {
    const { organization, actor } = await freshOrganization();
    const reader = fakeReader({ departments: tree, people: [person('1')] });
    await applySync(actor, organization.id, reader);
    reader.snapshot = { ...reader.snapshot, departments: [{ ...tree[0]!, name: '集团总部' }, { ...tree[1]!, parentExternalId: null }], people: [{ ...reader.snapshot.people[0]!, phone: '13800000000' }] };
    const run = await applySync(actor, organization.id, reader);
    expect(reportOf(run).counts).toMatchObject({ departmentsUpdated: 2, peopleUpdated: 1 });
    const { people, depts } = await orgState(organization.id);
    expect(depts.map((d) => [d.name, d.parentId]).sort()).toEqual([['研发部', null], ['集团总部', null]]);
    expect(people.find((p) => p.employeeId === 'E1')?.phone).toBe('13800000000');
  });

  it('writes nothing when a run fails part-way, and records the failed run', async () => {
    const { organization, actor } = await freshOrganization();
    failAudit.action = 'user.create';
    const run = await applySync(actor, organization.id, fakeReader({ departments: tree, people: [person('1'), person('2')] }));
    expect(run).toMatchObject({ status: 'failed', error: 'disk full', dryRun: false });
    const { people, depts } = await orgState(organization.id);
    expect(depts).toHaveLength(0);
    expect(people).toHaveLength(1); // only the admin
    const db = await getDb();
    expect(await db.select().from(directoryUserLinks).where(eq(directoryUserLinks.organizationId, organization.id))).toHaveLength(0);
  });

  it('records a source that cannot be read as a failed run', async () => {
    const { organization, actor } = await freshOrganization();
    const run = await applySync(actor, organization.id, { source: 'ldap', read: async () => { throw new Error('connect ECONNREFUSED 127.0.0.1:389'); } });
    expect(run).toMatchObject({ status: 'failed', error: 'connect ECONNREFUSED 127.0.0.1:389' });
    expect((await listSyncRuns(actor, organization.id)).map((r) => r.id)).toContain(run.id);
  });

  it('deactivates leavers: their sessions end and their open tasks need reassignment, announced to space admins', async () => {
    const seeded = await seedSpace();
    const orgId = seeded.organization.id;
    const db = await getDb();
    // The participant is known to the directory, then leaves it.
    const leaverRecord = person('p', { email: seeded.participant.email, employeeId: null, departmentExternalId: null, name: seeded.participant.name });
    const stayer = person('stays', { departmentExternalId: null });
    const reader = fakeReader({ departments: [], people: [leaverRecord, stayer] }, 'dingtalk');
    await applySync(systemActor, orgId, reader);
    const open = await seedTask(seeded);
    const done = await seedTask(seeded);
    await db.update(tasks).set({ status: 'done' }).where(eq(tasks.id, done.id));
    const [leaver] = await db.select().from(users).where(eq(users.id, seeded.participant.id));
    await signInAs(leaver!);
    expect((await getCurrentUser())?.id).toBe(leaver!.id);

    // A source that suddenly lists nobody is refused rather than deactivating everyone.
    reader.snapshot = { ...reader.snapshot, people: [] };
    expect(await applySync(systemActor, orgId, reader)).toMatchObject({ status: 'failed', error: 'directory.errors.emptySource' });
    expect((await getCurrentUser())?.id).toBe(leaver!.id);

    reader.snapshot = { ...reader.snapshot, people: [stayer] };
    const run = await applySync(systemActor, orgId, reader);
    expect(reportOf(run).deactivated).toEqual([expect.objectContaining({ record: seeded.participant.name })]);
    expect(await getCurrentUser()).toBeNull();
    const flagged = await tasksNeedingReassignment(db, { spaceId: seeded.space.id });
    expect(flagged.map((t) => t.id)).toEqual([open.id]);
    expect((await tasksNeedingReassignment(db, { organizationId: orgId })).map((t) => t.id)).toContain(open.id);
    const [notice] = await db.select().from(notifications)
      .where(and(eq(notifications.userId, seeded.admin.id), eq(notifications.kind, 'task.needsReassignment')));
    expect(notice).toMatchObject({ spaceId: seeded.space.id, data: { name: seeded.participant.name, count: 1 } });
    // Still gone on the next run (not reactivated, not deactivated twice).
    expect(reportOf(await applySync(systemActor, orgId, reader)).counts).toMatchObject({ peopleDeactivated: 0, peopleReactivated: 0 });
  });

  it('flags open tasks for a deactivation outside a sync too (admin console, SCIM), once per deactivation', async () => {
    const seeded = await seedSpace();
    const task = await seedTask(seeded);
    const orgId = seeded.organization.id;
    await setUserActive(systemActor, orgId, seeded.participant.id, false);
    await setUserActive(systemActor, orgId, seeded.participant.id, false);
    const db = await getDb();
    expect((await tasksNeedingReassignment(db, { spaceId: seeded.space.id })).map((t) => t.id)).toEqual([task.id]);
    const notices = () => db.select().from(notifications)
      .where(and(eq(notifications.kind, 'task.needsReassignment'), eq(notifications.spaceId, seeded.space.id), eq(notifications.userId, seeded.admin.id)));
    expect(await notices()).toHaveLength(1);
    expect((await notices())[0]!.href).toBe(`/spaces/${seeded.space.id}/tasks?assigneeId=${seeded.participant.id}`);
    // Organisation admins see them all on the directory page; a space admin may not.
    expect((await listTasksNeedingReassignment(systemActor, orgId)).map((t) => t.id)).toContain(task.id);
    await expect(listTasksNeedingReassignment(userActor(seeded.admin), orgId)).rejects.toMatchObject({ status: 403 });
    // The task list and the task page carry what the 待重新分配 badge shows.
    const list = await listTasks(userActor(seeded.admin), seeded.space.id, {}, '2026-12-01');
    expect(list.rows.find((r) => r.id === task.id)).toMatchObject({ assigneeActive: false });
    expect((await getTask(userActor(seeded.admin), task.id)).task.assigneeActive).toBe(false);
    // Reactivated, the task no longer needs a new assignee.
    await setUserActive(systemActor, orgId, seeded.participant.id, true);
    expect(await tasksNeedingReassignment(db, { spaceId: seeded.space.id })).toEqual([]);
  });

  it('refuses non-admins', async () => {
    const { organization } = await freshOrganization();
    const member = await createUser(systemActor, organization.id, { email: uniqueEmail(), name: '普通成员' });
    const reader = fakeReader({ departments: [], people: [] });
    await expect(previewSync(userActor(member), organization.id, reader)).rejects.toMatchObject({ status: 403 });
    await expect(applySync(userActor(member), organization.id, reader)).rejects.toMatchObject({ status: 403 });
    await expect(listSyncRuns(userActor(member), organization.id)).rejects.toMatchObject({ status: 403 });
  });

  it('runs the schedule once per interval with two workers at the same time', async () => {
    const db = await getDb();
    const reads = { count: 0 };
    const reader = fakeReader({ departments: tree, people: [person('s1')] }, 'feishu');
    const counting: DirectoryReader = { source: 'feishu', read: async () => { reads.count++; return reader.snapshot; } };
    const sources = [{ source: 'feishu' as const, reader: () => counting }];
    const now = new Date('2026-12-04T10:07:00Z');
    const [a, b] = await Promise.all([
      runScheduledSyncs(now, { intervalMinutes: 30, sources }),
      runScheduledSyncs(now, { intervalMinutes: 30, sources }),
    ]);
    expect([...a, ...b]).toEqual(['feishu']);
    const runs = await db.select().from(directorySyncRuns).where(and(eq(directorySyncRuns.source, 'feishu'), eq(directorySyncRuns.dryRun, false)));
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ triggeredBy: null, status: 'succeeded' });
    // Later in the same slot: nothing; in the next slot: it runs again.
    expect(await runScheduledSyncs(new Date('2026-12-04T10:20:00Z'), { intervalMinutes: 30, sources })).toEqual([]);
    expect(await runScheduledSyncs(new Date('2026-12-04T10:31:00Z'), { intervalMinutes: 30, sources })).toEqual(['feishu']);
    expect(await runScheduledSyncs(now, { intervalMinutes: 0, sources })).toEqual([]);
  });

  it('records a scheduled source that refuses to be read as a failed run, and still runs the others', async () => {
    const broken: DirectoryReader = { source: 'ldap', read: async () => { throw Invalid({ url: ['invalid'] }); } };
    const fine = fakeReader({ departments: [], people: [] }, 'dingtalk');
    const at = new Date('2026-12-05T08:00:00Z');
    const ran = await runScheduledSyncs(at, { intervalMinutes: 60, sources: [{ source: 'ldap', reader: () => broken }, { source: 'dingtalk', reader: () => fine }] });
    expect(ran).toEqual(['ldap', 'dingtalk']);
    const db = await getDb();
    const [failed] = await db.select().from(directorySyncRuns).where(and(eq(directorySyncRuns.source, 'ldap'), eq(directorySyncRuns.startedAt, at)));
    expect(failed).toMatchObject({ status: 'failed', error: 'invalid', triggeredBy: null });
  });

  it('writes one audit entry summarising each applied run', async () => {
    const { organization, actor } = await freshOrganization();
    await applySync(actor, organization.id, fakeReader({ departments: tree, people: [person('a1')] }));
    const db = await getDb();
    const [entry] = await db.select().from(auditEvents).where(and(eq(auditEvents.organizationId, organization.id), eq(auditEvents.action, 'directory.sync')));
    expect(entry?.data).toMatchObject({ peopleCreated: 1, departmentsCreated: 2 });
  });
});

describe('CSV and xlsx upload', () => {
  const csv = (text: string) => new TextEncoder().encode(text);

  it('imports a CSV with Chinese headers and a BOM: departments from paths, leavers by status', async () => {
    const { organization, actor } = await freshOrganization();
    const body = '\uFEFF工号,姓名,邮箱,手机,职位,部门,状态\r\nF001,王五,wangwu.csv@corp.example.com,13900000000,设计师,产品部/移动组,在职\r\nF002,赵六,,,,产品部,在职\r\n,,,,,,\r\nF003,孙七,sunqi.csv@corp.example.com,,,产品部,未知\r\n';
    const preview = await previewSync(actor, organization.id, fileReader(csv(body), 'staff.csv'));
    const report = reportOf(preview);
    expect(report.counts).toMatchObject({ departmentsCreated: 2, peopleCreated: 1 });
    expect(report.skipped).toEqual(expect.arrayContaining([
      { record: '第 5 行 孙七', reason: 'statusUnknown', externalId: expect.any(String) },
      { record: '赵六 (F002)', reason: 'noEmail' },
    ]));
    const applied = await applyPreviewedFile(actor, organization.id, preview.id);
    expect(applied.status).toBe('succeeded');
    const { people, depts } = await orgState(organization.id);
    const mobile = depts.find((d) => d.name === '移动组')!;
    expect(depts.find((d) => d.id === mobile.parentId)?.name).toBe('产品部');
    expect(depts.map((d) => d.sortOrder).sort()).toEqual([0, 0]);
    expect(people.find((p) => p.employeeId === 'F001')).toMatchObject({ name: '王五', phone: '13900000000', title: '设计师', departmentId: mobile.id });

    // A list without 部门/手机/职位/工号 columns leaves those as they are (and does not take the person for a leaver).
    const namesOnly = await applySync(actor, organization.id, fileReader(csv('姓名,邮箱\n王五,wangwu.csv@corp.example.com\n'), 'names.csv'));
    expect(reportOf(namesOnly).counts).toMatchObject({ peopleDeactivated: 0, peopleCreated: 0 });
    expect((await orgState(organization.id)).people.find((p) => p.employeeId === 'F001')).toMatchObject({ isActive: true, phone: '13900000000', departmentId: mobile.id });

    // The same person marked 离职 in the next upload is deactivated.
    const leaving = '工号,姓名,邮箱,部门,状态\nF001,王五,wangwu.csv@corp.example.com,产品部/移动组,离职\n';
    const run = await applySync(actor, organization.id, fileReader(csv(leaving), 'staff.csv'));
    expect(reportOf(run).counts.peopleDeactivated).toBe(1);
    expect((await orgState(organization.id)).people.find((p) => p.employeeId === 'F001')?.isActive).toBe(false);
  });

  it('applies only the latest preview of an upload, so an old one cannot undo a newer list', async () => {
    const { organization, actor } = await freshOrganization();
    const older = await previewSync(actor, organization.id, fileReader(csv('工号,姓名,邮箱\nH1,旧名字,h1@corp.example.com\n'), 'a.csv'));
    const newer = await previewSync(actor, organization.id, fileReader(csv('工号,姓名,邮箱\nH1,新名字,h1@corp.example.com\n'), 'b.csv'));
    await applyPreviewedFile(actor, organization.id, newer.id);
    await expect(applyPreviewedFile(actor, organization.id, older.id)).rejects.toMatchObject({ status: 409, messageKey: 'directory.errors.previewStale' });
    expect((await orgState(organization.id)).people.find((p) => p.employeeId === 'H1')?.name).toBe('新名字');
    const { depts } = await orgState(organization.id);
    expect(depts).toHaveLength(0);
  });

  it('reads GBK CSV and English headers', async () => {
    const gbk = Buffer.from('d5c5c8fd', 'hex'); // 张三 in GBK
    const body = Buffer.concat([Buffer.from('employeeId,name,email,department\nG1,'), gbk, Buffer.from(',g1@corp.example.com,Sales\n')]);
    const snapshot = await readDirectoryFile(new Uint8Array(body), 'export.CSV');
    expect(snapshot.people).toEqual([expect.objectContaining({ externalId: 'G1', name: '张三', email: 'g1@corp.example.com', departmentExternalId: 'Sales' })]);
  });

  it('reads the downloadable templates back (xlsx and csv)', async () => {
    for (const kind of ['xlsx', 'csv'] as const) {
      const snapshot = await readDirectoryFile(new Uint8Array(await directoryTemplate(kind)), `template.${kind}`);
      expect(snapshot.people.map((p) => [p.employeeId, p.active])).toEqual([['A0001', true], ['A0002', false]]);
      expect(snapshot.departments.map((d) => d.externalId)).toEqual(['产品部', '产品部/移动组', '研发部']);
    }
  });

  it('reads an xlsx with a title row and reports row numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['2026 年员工花名册']);
    sheet.addRow(['姓名', '邮箱', '部门']);
    sheet.addRow(['钱八', 'qianba@corp.example.com', '市场部']);
    sheet.addRow(['无邮箱', '', '市场部']);
    const snapshot = await readDirectoryFile(new Uint8Array(await workbook.xlsx.writeBuffer()), 'list.xlsx');
    expect(snapshot.people.map((p) => p.externalId)).toEqual(['qianba@corp.example.com']);
    expect(snapshot.skipped).toEqual([{ record: '第 4 行 无邮箱', reason: 'noEmployeeIdOrEmail' }]);
  });

  it('refuses other file types, empty or oversized files and missing columns with clear errors', async () => {
    await expect(readDirectoryFile(csv('a'), 'staff.txt')).rejects.toMatchObject({ status: 422, fieldErrors: { file: ['directory.problems.unsupportedFile'] } });
    await expect(readDirectoryFile(csv(''), 'staff.csv')).rejects.toMatchObject({ fieldErrors: { file: ['directory.problems.emptyFile'] } });
    await expect(readDirectoryFile(new Uint8Array(11 * 1024 * 1024), 'staff.csv')).rejects.toMatchObject({ fieldErrors: { file: ['sheets.problems.sheetTooLarge'] } });
    await expect(readDirectoryFile(csv('foo,bar\n1,2\n'), 'staff.csv')).rejects.toMatchObject({ fieldErrors: { file: ['directory.problems.missingColumns'] } });
    await expect(readDirectoryFile(csv('x'), 'staff.xlsx')).rejects.toMatchObject({ status: 422 });
    const many = `姓名,邮箱\n${Array.from({ length: 10_001 }, (_, i) => `n${i},n${i}@x.example.com`).join('\n')}`;
    await expect(readDirectoryFile(csv(many), 'big.csv')).rejects.toMatchObject({ fieldErrors: { file: ['sheets.problems.sheetTooManyRows'] } });
    // A bad upload is the user's to fix: refused, not stored as a failed run.
    const { organization, actor } = await freshOrganization();
    await expect(previewSync(actor, organization.id, fileReader(csv(''), 'x.csv'))).rejects.toMatchObject({ status: 422 });
  });
});

describe('one run per organisation and source', () => {
  // PGlite has one connection, so two transactions never overlap there; Postgres shows the lock.
  it.skipIf(!process.env.DATABASE_URL)('refuses an apply while another holds the source, and records nothing', async () => {
    const { organization, actor } = await freshOrganization();
    const { Pool } = await import('pg');
    const other = new Pool({ connectionString: database.url, max: 1 });
    const client = await other.connect();
    try {
      await client.query('begin');
      await client.query('select pg_advisory_xact_lock(hashtext($1))', [`directory-sync:${organization.id}:ldap`]);
      await expect(applySync(actor, organization.id, fakeReader({ departments: tree, people: [person('l1')] })))
        .rejects.toMatchObject({ status: 409, messageKey: 'directory.errors.running' });
      await client.query('rollback');
    } finally {
      client.release();
      await other.end();
    }
    expect((await orgState(organization.id)).depts).toHaveLength(0);
    expect(await listSyncRuns(actor, organization.id)).toHaveLength(0);
    // Free again: the run goes through.
    expect((await applySync(actor, organization.id, fakeReader({ departments: tree, people: [person('l1')] }))).status).toBe('succeeded');
  });
});

describe('REST /api/v1/directory', () => {
  function multipart(bytes: string) {
    const form = new FormData();
    form.set('file', new Blob([bytes]), 'whatever.name');
    return form;
  }
  async function post(handler: typeof previewRoute, token: string, source: string, body: FormData) {
    const request = new Request('http://localhost/api/v1/directory', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' }, body });
    const response = await handler(request, { params: Promise.resolve({ source }) });
    return { status: response.status, body: await response.json() };
  }

  it('previews an uploaded CSV (type sniffed), applies the preview and lists the runs', async () => {
    const { organization, admin } = await freshOrganization();
    const token = await tokenOf(admin);
    const preview = await post(previewRoute, token, 'file', multipart('姓名,邮箱,部门\n周九,zhoujiu.api@corp.example.com,法务部\n'));
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ dryRun: true, status: 'succeeded', report: { counts: { peopleCreated: 1, departmentsCreated: 1 } } });
    expect(preview.body.report.snapshot).toBeUndefined();
    const applied = await call(applyRoute, { token, params: { source: 'file' }, body: { previewRunId: preview.body.id } });
    expect(applied).toMatchObject({ status: 200, body: { dryRun: false, status: 'succeeded' } });
    expect((await orgState(organization.id)).people.map((p) => p.name)).toContain('周九');
    const runs = await call(runsRoute, { token });
    expect(runs.body.runs.map((r: { id: string }) => r.id)).toEqual([applied.body.id, preview.body.id]);
  });

  it('answers bad input and strangers with 4xx JSON, never a 500', async () => {
    const { admin } = await freshOrganization();
    const token = await tokenOf(admin);
    expect(await post(previewRoute, token, 'file', multipart(''))).toMatchObject({ status: 422, body: { error: { fields: { file: [expect.any(String)] } } } });
    expect(await post(previewRoute, token, 'file', multipart('a,b\n1,2\n'))).toMatchObject({ status: 422, body: { error: { fields: { file: ['Required columns are missing: name, and email or employee ID.'] } } } });
    expect((await post(previewRoute, token, 'ldap', multipart('x'))).status).toBe(404); // not configured here
    expect((await call(applyRoute, { token, params: { source: 'file' }, body: {} })).status).toBe(422);
    expect((await call(applyRoute, { token, params: { source: 'file' }, body: { previewRunId: crypto.randomUUID() } })).status).toBe(404);
    const member = await createUser(systemActor, admin.organizationId, { email: uniqueEmail(), name: '成员' });
    const memberToken = await tokenOf(member);
    expect((await post(previewRoute, memberToken, 'file', multipart('姓名,邮箱\n甲,jia@corp.example.com\n'))).status).toBe(403);
    expect((await call(runsRoute, { token: memberToken })).status).toBe(403);
    expect((await call(runsRoute, {})).status).toBe(401);
  });

  it('downloads the templates', async () => {
    const { admin } = await freshOrganization();
    const token = await tokenOf(admin);
    const withToken = (format: string) => new Request(`http://localhost/api/v1/directory/template?format=${format}`, { headers: { authorization: `Bearer ${token}` } });
    const csvResponse = await templateRoute(withToken('csv'), { params: Promise.resolve({}) });
    expect(csvResponse.headers.get('content-type')).toContain('text/csv');
    expect(await csvResponse.text()).toContain('工号,姓名,邮箱');
    const xlsxResponse = await templateRoute(withToken('xlsx'), { params: Promise.resolve({}) });
    expect(xlsxResponse.status).toBe(200);
    expect(xlsxResponse.headers.get('content-disposition')).toContain('directory-template.xlsx');
  });
});
