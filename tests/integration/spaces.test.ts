import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, spaceMembers, spaces } from '@/db/schema';
import { systemActor, userActor } from '@/lib/auth/actor';
import { setUserActive } from '@/lib/org/user-admin-service';
import { addSpaceMembers, removeSpaceMember, updateSpaceMember } from '@/lib/spaces/members';
import { getSpace, listNavigationSpaces, listSpaceAudit, listSpaces } from '@/lib/spaces/queries';
import { archiveSpace, createSpace, updateSpace } from '@/lib/spaces/service';
import { listSpaceTemplates, saveSpaceAsTemplate } from '@/lib/templates/space-templates';
import { setupTestDatabase } from './support/database';
import { seedDepartment, seedOrganization, seedSpace, seedTask, seedUser } from './support/factories';

const database = setupTestDatabase();

async function membersOf(spaceId: string) {
  return database.handle.db.select().from(spaceMembers).where(eq(spaceMembers.spaceId, spaceId));
}

describe('creating a space', () => {
  it('saves the space, its departments and first members in one go; admins join as 负责人', async () => {
    const org = await seedOrganization();
    const [rd, mkt, sales] = await Promise.all(['研发部', '市场部', '销售部'].map((n) => seedDepartment(org.id, `${n}-${crypto.randomUUID().slice(0, 4)}`)));
    const creator = await seedUser({ departmentId: rd!.id });
    const admin2 = await seedUser({ departmentId: mkt!.id });
    const invited = await seedUser({ departmentId: sales!.id });
    const space = await createSpace(userActor(creator), org.id, {
      name: '  2027 年 Q1 新品上市  ', goal: '三个月内完成新品上市', startDate: '2027-01-04', endDate: '2027-03-31',
      departmentIds: [rd!.id, mkt!.id, sales!.id], adminIds: [creator.id, admin2.id], memberIds: [invited.id],
      templateKey: 'builtin:product-launch', coverColor: 'teal',
    });
    expect(space).toMatchObject({ name: '2027 年 Q1 新品上市', status: 'active', coverColor: 'teal', templateKey: 'builtin:product-launch' });
    const members = await membersOf(space.id);
    expect(members.map((m) => [m.userId, m.role, m.isAdmin]).sort()).toEqual(
      [[creator.id, 'owner', true], [admin2.id, 'owner', true], [invited.id, 'participant', false]].sort(),
    );
    const view = await getSpace(userActor(invited), space.id);
    expect(view.departments.map((d) => d.id).sort()).toEqual([rd!.id, mkt!.id, sales!.id].sort());
    expect(view.allowed.has('space.manageMembers')).toBe(false);
    expect((await listNavigationSpaces(invited.id)).map((s) => s.id)).toContain(space.id);
  });

  it('reports every bad field at once and writes nothing', async () => {
    const org = await seedOrganization();
    const creator = await seedUser();
    const before = await database.handle.db.select().from(spaces);
    const attempt = createSpace(userActor(creator), org.id, {
      name: 'x'.repeat(201), goal: '', startDate: '2027-03-01', endDate: '2027-02-01',
      departmentIds: [crypto.randomUUID(), 'not-an-id'], adminIds: [creator.id, crypto.randomUUID(), crypto.randomUUID()],
    });
    await expect(attempt).rejects.toMatchObject({
      status: 422,
      fieldErrors: {
        name: ['tooLong'], goal: ['required'], endDate: ['endBeforeStart'],
        'departmentIds.1': ['departmentUnknown'], adminIds: ['spaceAdminsTooMany'],
      },
    });
    expect(await database.handle.db.select().from(spaces)).toHaveLength(before.length);
  });

  it('refuses unknown departments and people, deactivated people and unknown templates, with nothing half-saved', async () => {
    const org = await seedOrganization();
    const department = await seedDepartment(org.id);
    const creator = await seedUser();
    const gone = await seedUser();
    await setUserActive(systemActor, org.id, gone.id, false);
    const base = { name: '项目', goal: '目标', startDate: '2027-01-01', endDate: '2027-01-31', departmentIds: [department.id], adminIds: [creator.id] };
    const count = async () => (await database.handle.db.select().from(spaces)).length;
    const before = await count();
    await expect(createSpace(userActor(creator), org.id, { ...base, departmentIds: [crypto.randomUUID()] })).rejects.toMatchObject({ fieldErrors: { departmentIds: ['departmentUnknown'] } });
    await expect(createSpace(userActor(creator), org.id, { ...base, adminIds: [gone.id] })).rejects.toMatchObject({ fieldErrors: { adminIds: ['userUnknown'] } });
    await expect(createSpace(userActor(creator), org.id, { ...base, memberIds: [crypto.randomUUID()] })).rejects.toMatchObject({ fieldErrors: { memberIds: ['userUnknown'] } });
    await expect(createSpace(userActor(creator), org.id, { ...base, templateKey: 'builtin:nope' })).rejects.toMatchObject({ fieldErrors: { templateKey: ['templateUnknown'] } });
    await expect(createSpace(userActor(creator), org.id, { ...base, adminIds: [] })).rejects.toMatchObject({ fieldErrors: { adminIds: ['spaceAdminsRequired'] } });
    expect(await count()).toBe(before);
  });
});

describe('members', () => {
  it('invites a whole department with its sub-departments, skipping people already in and deactivated people', async () => {
    const { space, admin, organization } = await seedSpace();
    const parent = await seedDepartment(organization.id, `客服部-${crypto.randomUUID().slice(0, 4)}`);
    const child = await seedDepartment(organization.id, `一线组-${crypto.randomUUID().slice(0, 4)}`, parent.id);
    const a = await seedUser({ departmentId: parent.id });
    const b = await seedUser({ departmentId: child.id });
    const inactive = await seedUser({ departmentId: child.id });
    await setUserActive(systemActor, organization.id, inactive.id, false);
    await addSpaceMembers(userActor(admin), space.id, { userIds: [a.id] });
    const added = await addSpaceMembers(userActor(admin), space.id, { departmentIds: [parent.id], role: 'observer' });
    expect(added).toEqual([b.id]);
    const roles = Object.fromEntries((await membersOf(space.id)).map((m) => [m.userId, m.role]));
    expect(roles[a.id]).toBe('participant');
    expect(roles[b.id]).toBe('observer');
    expect(roles[inactive.id]).toBeUndefined();
  });

  it('refuses a duplicate invite, an unknown person and a role outside the three', async () => {
    const { space, admin, participant } = await seedSpace();
    await expect(addSpaceMembers(userActor(admin), space.id, { userIds: [participant.id] })).rejects.toMatchObject({ status: 409, fieldErrors: { userIds: ['alreadyMember'] } });
    await expect(addSpaceMembers(userActor(admin), space.id, { userIds: [crypto.randomUUID()] })).rejects.toMatchObject({ status: 422, fieldErrors: { userIds: ['userUnknown'] } });
    const newcomer = await seedUser();
    await expect(addSpaceMembers(userActor(admin), space.id, { userIds: [newcomer.id], role: 'boss' })).rejects.toMatchObject({ status: 422, fieldErrors: { role: ['roleInvalid'] } });
    await expect(addSpaceMembers(userActor(admin), space.id, {})).rejects.toMatchObject({ fieldErrors: { userIds: ['membersRequired'] } });
  });

  it('keeps one or two admins: no third, never none, and the last admin cannot be removed', async () => {
    const { space, admin, owner, participant } = await seedSpace();
    const actor = userActor(admin);
    await expect(updateSpaceMember(actor, space.id, admin.id, { isAdmin: false })).rejects.toMatchObject({ status: 409, messageKey: 'lastSpaceAdmin' });
    await expect(removeSpaceMember(actor, space.id, admin.id)).rejects.toMatchObject({ status: 409, messageKey: 'lastSpaceAdmin' });
    await updateSpaceMember(actor, space.id, owner.id, { isAdmin: true });
    await expect(updateSpaceMember(actor, space.id, participant.id, { isAdmin: 'true' })).rejects.toMatchObject({ status: 409, messageKey: 'spaceAdminsTooMany' });
    // With a second admin, the first may step down and leave.
    await updateSpaceMember(actor, space.id, admin.id, { isAdmin: false, role: 'observer' });
    await removeSpaceMember(userActor(owner), space.id, admin.id);
    expect((await membersOf(space.id)).some((m) => m.userId === admin.id)).toBe(false);
  });

  it('answers 404 for a member id that is not in this space, even if it is in another', async () => {
    const first = await seedSpace();
    const second = await seedSpace();
    await expect(updateSpaceMember(userActor(first.admin), first.space.id, second.participant.id, { role: 'observer' })).rejects.toMatchObject({ status: 404 });
    await expect(removeSpaceMember(userActor(first.admin), first.space.id, 'nope')).rejects.toMatchObject({ status: 404 });
  });
});

describe('settings, archive and the audit log', () => {
  it('refuses an end date before the stored start date', async () => {
    const { space, admin } = await seedSpace();
    await expect(updateSpace(userActor(admin), space.id, { endDate: '2026-01-01' })).rejects.toMatchObject({ fieldErrors: { endDate: ['endBeforeStart'] } });
  });

  it('makes an archived space read-only for its own admins too, and records who did what with before and after', async () => {
    const { space, admin, owner } = await seedSpace();
    await updateSpace(userActor(admin), space.id, { name: '改名后的空间' });
    await updateSpaceMember(userActor(admin), space.id, owner.id, { role: 'observer' });
    await archiveSpace(userActor(admin), space.id);
    await expect(updateSpace(userActor(admin), space.id, { name: '再改' })).rejects.toMatchObject({ status: 403, messageKey: 'spaceArchived' });
    await expect(addSpaceMembers(userActor(admin), space.id, { userIds: [owner.id] })).rejects.toMatchObject({ status: 403 });

    const log = await listSpaceAudit(userActor(admin), space.id);
    expect(log.map((e) => e.action)).toEqual(['space.archive', 'space.member.update', 'space.update', 'space.member.add', 'space.member.add', 'space.member.add', 'space.create']);
    const rename = log.find((e) => e.action === 'space.update')!;
    expect(rename.data).toMatchObject({ before: { name: space.name }, after: { name: '改名后的空间' } });
    expect(rename.actorName).toBe(admin.name);
    expect(log.find((e) => e.action === 'space.member.update')!.data).toMatchObject({ before: { role: 'owner' }, after: { role: 'observer' } });
    const rows = await database.handle.db.select().from(auditEvents).where(and(eq(auditEvents.spaceId, space.id), eq(auditEvents.action, 'space.archive')));
    expect(rows).toHaveLength(1);
  });
});

describe('the spaces list', () => {
  it('shows members their spaces, org admins every space, with state, department and name filters', async () => {
    const seeded = await seedSpace({ name: `营销活动-${crypto.randomUUID().slice(0, 6)}` });
    const other = await seedSpace();
    await archiveSpace(systemActor, other.space.id);
    const orgAdmin = await seedUser({ isOrgAdmin: true });

    const mine = await listSpaces(userActor(seeded.participant));
    expect(mine.rows.map((r) => r.space.id)).toEqual([seeded.space.id]);
    expect(mine.rows[0]).toMatchObject({ myRole: 'participant', memberCount: 4 });
    expect((await listSpaces(userActor(seeded.outsider), { scope: 'all' })).rows).toEqual([]);

    const all = await listSpaces(userActor(orgAdmin), { scope: 'all' });
    expect(all.rows.map((r) => r.space.id)).toEqual(expect.arrayContaining([seeded.space.id, other.space.id]));
    const archived = await listSpaces(userActor(orgAdmin), { scope: 'all', status: 'archived' });
    expect(archived.rows.every((r) => r.space.status === 'archived')).toBe(true);
    const byDepartment = await listSpaces(userActor(orgAdmin), { scope: 'all', departmentId: seeded.department.id });
    expect(byDepartment.rows.map((r) => r.space.id)).toEqual([seeded.space.id]);
    const searched = await listSpaces(userActor(orgAdmin), { scope: 'all', q: seeded.space.name.slice(0, 6) });
    expect(searched.rows.map((r) => r.space.id)).toContain(seeded.space.id);
    expect((await listSpaces(userActor(orgAdmin), { scope: 'all', q: '%' })).rows).toEqual([]);
  });
});

describe('templates', () => {
  it('lists the four built-in scenario templates, then the ones saved from spaces', async () => {
    const seeded = await seedSpace({ templateKey: 'builtin:event-preparation' });
    const { space, admin, organization } = seeded;
    await seedTask(seeded, { name: '预订年会场地', dueDate: '2026-12-11', deliveryStandard: '签订场地合同', priority: 'high' });
    const builtins = await listSpaceTemplates(userActor(admin), organization.id, 'zh-CN');
    expect(builtins.slice(0, 4).map((t) => t.name)).toEqual(['新产品上线', '活动筹备', '客户投诉处理', '流程优化']);
    const saved = await saveSpaceAsTemplate(userActor(admin), space.id, { name: '年会筹备模板' });
    const after = await listSpaceTemplates(userActor(admin), organization.id, 'en');
    const mine = after.find((t) => t.key === saved.id)!;
    expect(mine).toMatchObject({ builtin: false, name: '年会筹备模板', content: { goal: space.goal, durationDays: 89 } });
    // The space's own plan: the template's starter tasks, plus what was added since, dated from the start.
    expect(mine.content.tasks.at(-1)).toEqual({ name: '预订年会场地', description: '交付标准：签订场地合同', priority: 'high', dueInDays: 10, departmentHint: seeded.department.name });
    expect(mine.content.milestones.length).toBeGreaterThan(0);
    expect(after[0]!.name).toBe('Product launch');
  });
});
