import { describe, expect, it } from 'vitest';
import { systemActor, userActor } from '@/lib/auth/actor';
import { listAuditEvents } from '@/lib/audit';
import { createDepartment, deleteDepartment, moveDepartment, renameDepartment } from '@/lib/org/department-service';
import { listDepartmentTree, listUsersForAdmin } from '@/lib/org/queries';
import { setUserActive, setUserAdmin } from '@/lib/org/user-admin-service';
import { setupTestDatabase } from './support/database';
import { seedDepartment, seedOrganization, seedUser } from './support/factories';

setupTestDatabase();

async function childrenOf(organizationId: string, parentId: string) {
  const find = (nodes: Awaited<ReturnType<typeof listDepartmentTree>>): string[] | undefined => {
    for (const node of nodes) {
      if (node.id === parentId) return node.children.map((c) => c.name);
      const inner = find(node.children);
      if (inner) return inner;
    }
  };
  return find(await listDepartmentTree(organizationId));
}

describe('department tree administration', () => {
  it('adds new departments last and reorders siblings', async () => {
    const org = await seedOrganization();
    const root = await seedDepartment(org.id, '运营中心');
    const [a, b, c] = [await seedDepartment(org.id, '甲组', root.id), await seedDepartment(org.id, '乙组', root.id), await seedDepartment(org.id, '丙组', root.id)];
    expect(await childrenOf(org.id, root.id)).toEqual(['甲组', '乙组', '丙组']);
    await moveDepartment(systemActor, org.id, c.id, { parentId: root.id, position: 0 });
    expect(await childrenOf(org.id, root.id)).toEqual(['丙组', '甲组', '乙组']);
    await moveDepartment(systemActor, org.id, a.id, { parentId: root.id, position: '2' });
    expect(await childrenOf(org.id, root.id)).toEqual(['丙组', '乙组', '甲组']);
    expect(b.sortOrder).toBe(1);
  });

  it('moves a department under another and refuses cycles, keeping the tree as it was', async () => {
    const org = await seedOrganization();
    const top = await seedDepartment(org.id, '顶层-环');
    const middle = await seedDepartment(org.id, '中层-环', top.id);
    const leaf = await seedDepartment(org.id, '底层-环', middle.id);
    await expect(moveDepartment(systemActor, org.id, top.id, { parentId: leaf.id, position: 0 })).rejects.toMatchObject({
      status: 422, fieldErrors: { parentId: ['departmentCycle'] },
    });
    await expect(moveDepartment(systemActor, org.id, top.id, { parentId: top.id, position: 0 })).rejects.toMatchObject({ status: 422 });
    expect(await childrenOf(org.id, top.id)).toEqual(['中层-环']);
    await moveDepartment(systemActor, org.id, leaf.id, { parentId: '', position: 0 });
    expect((await listDepartmentTree(org.id))[0]?.name).toBe('底层-环');
  });

  it('renames, and refuses empty or over-long names and unknown ids', async () => {
    const org = await seedOrganization();
    const department = await seedDepartment(org.id, '旧名');
    expect((await renameDepartment(systemActor, org.id, department.id, { name: ' 新名 ' })).name).toBe('新名');
    await expect(renameDepartment(systemActor, org.id, department.id, { name: '' })).rejects.toMatchObject({ fieldErrors: { name: ['required'] } });
    await expect(renameDepartment(systemActor, org.id, department.id, { name: '名'.repeat(61) })).rejects.toMatchObject({ fieldErrors: { name: ['tooLong'] } });
    await expect(renameDepartment(systemActor, org.id, 'nope', { name: 'x' })).rejects.toMatchObject({ status: 404 });
    await expect(moveDepartment(systemActor, org.id, crypto.randomUUID(), { parentId: null, position: 0 })).rejects.toMatchObject({ status: 404 });
    await expect(createDepartment(systemActor, org.id, { name: '孤儿', parentId: crypto.randomUUID() })).rejects.toMatchObject({
      fieldErrors: { parentId: ['departmentUnknown'] },
    });
  });

  it('deletes only empty departments', async () => {
    const org = await seedOrganization();
    const parent = await seedDepartment(org.id, '有下级');
    const child = await seedDepartment(org.id, '下级', parent.id);
    await seedUser({ departmentId: child.id });
    await expect(deleteDepartment(systemActor, org.id, parent.id)).rejects.toMatchObject({ status: 409, messageKey: 'departmentNotEmpty' });
    await expect(deleteDepartment(systemActor, org.id, child.id)).rejects.toMatchObject({ status: 409 });
    const empty = await seedDepartment(org.id, '空部门');
    await deleteDepartment(systemActor, org.id, empty.id);
    expect((await listDepartmentTree(org.id)).some((d) => d.id === empty.id)).toBe(false);
  });

  it('lets only org admins change the tree', async () => {
    const org = await seedOrganization();
    const member = await seedUser();
    await expect(createDepartment(userActor(member), org.id, { name: '越权' })).rejects.toMatchObject({ status: 403 });
  });
});

describe('user administration', () => {
  it('never demotes or deactivates the last active admin', async () => {
    const org = await seedOrganization();
    // Make this user the only active admin: demote every other admin first.
    const admin = await seedUser({ isOrgAdmin: true });
    const others = await listUsersForAdmin(systemActor, org.id, { page: 1 });
    for (let page = 1; page <= others.pageCount; page++) {
      for (const row of (await listUsersForAdmin(systemActor, org.id, { page })).rows) {
        if (row.isOrgAdmin && row.id !== admin.id) await setUserAdmin(systemActor, org.id, row.id, false);
      }
    }
    await expect(setUserAdmin(userActor(admin), org.id, admin.id, false)).rejects.toMatchObject({ status: 409, messageKey: 'lastAdmin' });
    await expect(setUserActive(systemActor, org.id, admin.id, false)).rejects.toMatchObject({ status: 409 });
    const second = await seedUser();
    const promoted = await setUserAdmin(userActor(admin), org.id, second.id, true);
    await setUserAdmin(userActor(promoted), org.id, admin.id, false); // now allowed: another admin exists
    const plain = await seedUser();
    await expect(setUserActive(userActor(plain), org.id, second.id, false)).rejects.toMatchObject({ status: 403 });
  });

  it('finds users by part of a Chinese name or email, by department, page by page', async () => {
    const org = await seedOrganization();
    const department = await seedDepartment(org.id, '搜索部');
    await seedUser({ name: '欧阳娜娜', departmentId: department.id });
    await seedUser({ name: '欧阳修', email: 'ouyang.xiu@search.example.com' });
    expect((await listUsersForAdmin(systemActor, org.id, { q: '欧阳' })).rows.map((r) => r.name).sort()).toEqual(['欧阳修', '欧阳娜娜']);
    expect((await listUsersForAdmin(systemActor, org.id, { q: 'ouyang.xiu' })).rows.map((r) => r.name)).toEqual(['欧阳修']);
    const filtered = await listUsersForAdmin(systemActor, org.id, { q: '欧阳', departmentId: department.id });
    expect(filtered.rows).toMatchObject([{ name: '欧阳娜娜', departmentName: '搜索部' }]);
    expect((await listUsersForAdmin(systemActor, org.id, { q: '100%_' })).rows).toEqual([]);
    const member = await seedUser();
    await expect(listUsersForAdmin(userActor(member), org.id, {})).rejects.toMatchObject({ status: 403 });
  });

  it('records every admin change in the audit log, newest first', async () => {
    const org = await seedOrganization();
    const admin = await seedUser({ isOrgAdmin: true });
    const target = await seedUser();
    await setUserActive(userActor(admin), org.id, target.id, false);
    const [latest] = await listAuditEvents(userActor(admin), org.id);
    expect(latest).toMatchObject({ action: 'user.deactivate', targetId: target.id, actorName: admin.name });
    await expect(listAuditEvents(userActor(target), org.id)).rejects.toMatchObject({ status: 403 });
  });
});
