import { describe, expect, it } from 'vitest';
import { planCounts, planSync, recordDigest, type CurrentDirectory } from '@/lib/directory/plan';
import type { DirectoryDepartment, DirectoryPerson, DirectorySnapshot } from '@/lib/directory/snapshot';

const person = (externalId: string, overrides: Partial<DirectoryPerson> = {}): DirectoryPerson => ({
  externalId, name: `人员${externalId}`, email: `${externalId}@corp.example.com`, phone: null, title: null,
  employeeId: `E${externalId}`, departmentExternalId: null, active: true, ...overrides,
});
const dept = (externalId: string, name: string, parentExternalId: string | null = null): DirectoryDepartment => ({ externalId, name, parentExternalId });
const snapshot = (departments: DirectoryDepartment[], people: DirectoryPerson[]): DirectorySnapshot => ({ source: 'ldap', departments, people, skipped: [] });
const empty = (): CurrentDirectory => ({ departments: [], users: [], userLinks: [], departmentLinks: [], emailsElsewhere: new Set() });
type CurrentUser = CurrentDirectory['users'][number];
const user = (id: string, overrides: Partial<CurrentUser> = {}): CurrentUser => ({
  id, name: `用户${id}`, email: `${id}@corp.example.com`, phone: null, title: null, employeeId: null, departmentId: null,
  isActive: true, isOrgAdmin: false, ...overrides,
});
const reasons = (plan: ReturnType<typeof planSync>) => plan.skipped.map((s) => s.reason);

describe('directory sync plan', () => {
  it('creates a new tree parents first, and its people in their departments', () => {
    const plan = planSync(snapshot([dept('m', '移动组', 'p'), dept('p', '产品部')], [person('1', { departmentExternalId: 'm' })]), empty());
    expect(plan.departments.create.map((d) => d.externalId)).toEqual(['p', 'm']);
    expect(plan.departments.create[1]!.parent).toEqual({ externalId: 'p' });
    expect(plan.people.create).toHaveLength(1);
    expect(plan.people.create[0]!.department).toEqual({ externalId: 'm' });
    expect(plan.people.create[0]!.fields).toMatchObject({ email: '1@corp.example.com', employeeId: 'E1' });
  });

  it('refuses the departments of a cycle, reports them, and still syncs the rest', () => {
    const plan = planSync(snapshot(
      [dept('a', 'A', 'b'), dept('b', 'B', 'a'), dept('c', 'C', 'a'), dept('ok', '正常部门'), dept('self', '自环', 'self')],
      [person('1', { departmentExternalId: 'c' }), person('2', { departmentExternalId: 'ok' })],
    ), empty());
    expect(plan.departments.create.map((d) => d.externalId)).toEqual(['ok']);
    const cycle = plan.skipped.filter((s) => s.reason === 'departmentCycle').map((s) => s.record);
    expect(cycle).toHaveLength(3);
    expect(cycle.join()).toContain('A (a)');
    expect(cycle.join()).toContain('自环 (self)');
    expect(plan.skipped.find((s) => s.record === 'C (c)')?.reason).toBe('departmentParentSkipped');
    // People in a refused department are kept, without one (they had none before).
    expect(plan.people.create.map((p) => [p.externalId, p.department])).toEqual([['1', null], ['2', { externalId: 'ok' }]]);
    expect(plan.warnings).toEqual([{ record: '人员1 (E1)', reason: 'departmentNotImported', values: { department: 'c' } }]);
  });

  it('refuses a department whose parent is missing', () => {
    const plan = planSync(snapshot([dept('x', 'X', 'nowhere')], []), empty());
    expect(plan.departments.create).toEqual([]);
    expect(plan.skipped).toEqual([{ record: 'X (x)', reason: 'departmentParentMissing', values: { parent: 'nowhere' } }]);
  });

  it('skips people without an email, with duplicate employee ids or external ids, and says why', () => {
    const plan = planSync(snapshot([], [
      person('1', { email: null }), person('2', { employeeId: 'E9' }), person('3', { employeeId: 'E9' }),
      person('4'), person('4', { email: 'other@corp.example.com', employeeId: 'E44' }), person('5'),
    ]), empty());
    expect(plan.people.create.map((p) => p.externalId)).toEqual(['5']);
    expect(reasons(plan).sort()).toEqual(['duplicateEmployeeId', 'duplicateEmployeeId', 'duplicateExternalId', 'duplicateExternalId', 'noEmail']);
  });

  it('refuses an employee id or email held by another user, and one used outside the organisation', () => {
    const current = { ...empty(), users: [user('u1', { employeeId: 'E1', email: 'someone@corp.example.com' }), user('u2', { email: '2@corp.example.com' })], emailsElsewhere: new Set(['3@corp.example.com']) };
    current.userLinks = [{ externalId: 'other', userId: 'u1', digest: 'x' }, { externalId: 'other2', userId: 'u2', digest: 'y' }];
    const plan = planSync(snapshot([], [person('1'), person('2'), person('3'), person('other'), person('other2')]), current);
    expect(plan.skipped.map((s) => [s.record, s.reason])).toEqual([
      ['人员1 (E1)', 'employeeIdTaken'], ['人员2 (E2)', 'emailTaken'], ['人员3 (E3)', 'emailTakenElsewhere'],
    ]);
  });

  it('matches an unlinked user by employee id, then by email, and links them', () => {
    const current = { ...empty(), users: [user('byId', { employeeId: 'E1', email: 'old@corp.example.com' }), user('byEmail', { email: '2@corp.example.com' })] };
    const plan = planSync(snapshot([], [person('1', { email: 'old@corp.example.com' }), person('2', { employeeId: null })]), current);
    expect(plan.people.create).toEqual([]);
    expect(plan.people.update.map((u) => [u.userId, u.link])).toEqual([['byId', true], ['byEmail', true]]);
    expect(plan.people.update[0]!.changes).toEqual({ name: { from: '用户byId', to: '人员1' } });
  });

  it('takes nobody for a leaver whose record the source lists but could not read', () => {
    const current = { ...empty(), users: [user('u1'), user('u2')], userLinks: [{ externalId: '1', userId: 'u1', digest: null }, { externalId: '2', userId: 'u2', digest: null }] };
    const unreadable = { ...snapshot([], []), skipped: [{ record: 'cn=?', reason: 'no name', externalId: '1' }, { record: 'row 9', reason: 'no id' }] };
    expect(planSync(unreadable, current).people.deactivate.map((d) => d.userId)).toEqual(['u2']);
  });

  it('never matches an existing account by an address the source does not vouch for', () => {
    const current = { ...empty(), users: [user('boss', { email: 'boss@corp.example.com' })] };
    const plan = planSync(snapshot([], [person('1', { email: 'boss@corp.example.com', emailVerified: false, employeeId: null })]), current);
    expect(plan.people.update).toEqual([]);
    expect(plan.people.create).toEqual([]);
    expect(plan.skipped).toEqual([expect.objectContaining({ reason: 'emailTaken' })]);
  });

  it('plans nothing for unchanged records (incremental), only touching their links', () => {
    const p = person('1');
    const d = dept('p', '产品部');
    const current: CurrentDirectory = {
      ...empty(),
      departments: [{ id: 'd1', name: '改过的名字', parentId: null }],
      users: [user('u1', { name: '本地改名' })],
      userLinks: [{ externalId: '1', userId: 'u1', digest: recordDigest(p) }],
      departmentLinks: [{ externalId: 'p', departmentId: 'd1', digest: recordDigest(d) }],
    };
    const plan = planSync(snapshot([d], [p]), current);
    expect(planCounts(plan)).toMatchObject({ departmentsCreated: 0, departmentsUpdated: 0, peopleCreated: 0, peopleUpdated: 0, peopleDeactivated: 0, unchanged: 2 });
  });

  it('renames and moves a linked department and updates a changed person', () => {
    const current: CurrentDirectory = {
      ...empty(),
      departments: [{ id: 'd1', name: '产品部', parentId: null }, { id: 'd2', name: '移动组', parentId: null }],
      users: [user('u1', { name: '人员1', email: '1@corp.example.com', employeeId: 'E1', departmentId: 'd1' })],
      userLinks: [{ externalId: '1', userId: 'u1', digest: 'old' }],
      departmentLinks: [{ externalId: 'p', departmentId: 'd1', digest: 'old' }, { externalId: 'm', departmentId: 'd2', digest: 'old' }],
    };
    const plan = planSync(snapshot([dept('p', '产品中心'), dept('m', '移动组', 'p')], [person('1', { title: '经理', departmentExternalId: 'm' })]), current);
    expect(plan.departments.update).toEqual([
      expect.objectContaining({ departmentId: 'd1', name: { from: '产品部', to: '产品中心' } }),
      expect.objectContaining({ departmentId: 'd2', parent: { from: null, to: { id: 'd1' } } }),
    ]);
    expect(plan.people.update[0]).toMatchObject({ changes: { title: { from: null, to: '经理' } }, department: { from: 'd1', to: { id: 'd2' } } });
  });

  it('deactivates leavers, never deletes, and does not count unreadable records as leavers', () => {
    const current: CurrentDirectory = {
      ...empty(),
      users: [user('gone'), user('resigned', { employeeId: 'E2', email: '2@corp.example.com' }), user('noEmail'), user('admin', { isOrgAdmin: true })],
      userLinks: [{ externalId: 'gone', userId: 'gone', digest: 'a' }, { externalId: '2', userId: 'resigned', digest: 'b' }, { externalId: '3', userId: 'noEmail', digest: 'c' }],
    };
    const plan = planSync(snapshot([], [person('2', { active: false }), person('3', { email: null })]), current);
    expect(plan.people.deactivate.map((d) => [d.userId, d.reason])).toEqual([['gone', 'leftSource'], ['resigned', 'inactiveInSource']]);
    expect(plan.people.create).toEqual([]);
    expect(Object.keys(plan)).not.toContain('delete');
  });

  it('reactivates a returning person and does not import a leaver it never had', () => {
    const current: CurrentDirectory = { ...empty(), users: [user('u1', { isActive: false, employeeId: 'E1', email: '1@corp.example.com' })], userLinks: [{ externalId: '1', userId: 'u1', digest: null }] };
    const plan = planSync(snapshot([], [person('1', { name: '用户u1' }), person('9', { active: false })]), current);
    expect(plan.people.update).toEqual([expect.objectContaining({ userId: 'u1', active: true })]);
    expect(plan.skipped.map((s) => s.reason)).toEqual(['inactiveNotPresent']);
  });

  it('keeps the last active admin rather than deactivating them', () => {
    const current: CurrentDirectory = { ...empty(), users: [user('admin', { isOrgAdmin: true })], userLinks: [{ externalId: 'a', userId: 'admin', digest: 'x' }] };
    const plan = planSync(snapshot([], []), current);
    expect(plan.people.deactivate).toEqual([]);
    expect(reasons(plan)).toEqual(['lastAdmin']);
  });

  it('reports a person pointing to an unknown department and imports them without one', () => {
    const plan = planSync(snapshot([], [person('1', { departmentExternalId: 'ghost' })]), empty());
    expect(plan.people.create[0]!.department).toBeNull();
    expect(plan.warnings).toEqual([{ record: '人员1 (E1)', reason: 'unknownDepartment', values: { department: 'ghost' } }]);
  });

  it('takes over an unlinked department of the same name instead of duplicating it', () => {
    const current = { ...empty(), departments: [{ id: 'd1', name: '产品部', parentId: null }] };
    const plan = planSync(snapshot([dept('p', '产品部')], []), current);
    expect(plan.departments.create).toEqual([]);
    expect(plan.departments.update).toEqual([expect.objectContaining({ externalId: 'p', departmentId: 'd1' })]);
  });

  it('leaves fields the source does not carry as they are', () => {
    const current: CurrentDirectory = {
      ...empty(),
      departments: [{ id: 'd1', name: '产品部', parentId: null }],
      users: [user('u1', { name: '人员1', email: '1@corp.example.com', phone: '139', title: '经理', departmentId: 'd1' })],
      userLinks: [{ externalId: '1', userId: 'u1', digest: 'old' }],
    };
    const withoutColumns = { ...snapshot([], [person('1', { employeeId: null, departmentExternalId: null })]), missingFields: ['phone' as const, 'title' as const, 'departmentExternalId' as const] };
    expect(planSync(withoutColumns, current).people.update[0]).toMatchObject({ changes: {}, link: false });
    expect(planSync(withoutColumns, current).people.update[0]!.department).toBeUndefined();
    // With the columns present, empty values clear them.
    const withColumns = snapshot([], [person('1', { employeeId: null, departmentExternalId: null })]);
    expect(Object.keys(planSync(withColumns, current).people.update[0]!.changes).sort()).toEqual(['phone', 'title']);
  });

  it('follows a person whose source id changed instead of deactivating them', () => {
    const current: CurrentDirectory = {
      ...empty(),
      users: [user('u1', { name: '人员E1', email: 'e1@corp.example.com' })],
      userLinks: [{ externalId: 'e1@corp.example.com', userId: 'u1', digest: 'x' }],
    };
    const plan = planSync(snapshot([], [person('E1', { email: 'e1@corp.example.com', employeeId: 'E1', name: '人员E1' })]), current);
    expect(plan.people.deactivate).toEqual([]);
    expect(plan.people.update).toEqual([expect.objectContaining({ userId: 'u1', link: true, externalId: 'E1' })]);
  });
});
