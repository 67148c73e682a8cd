import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { departments, users } from '@/db/schema';
import { verifyCredentials } from '@/lib/auth/sign-in';
import { DEMO_ADMIN_EMAIL, DEMO_DEPARTMENTS, DEMO_PASSWORD, DEMO_USERS } from '@/lib/org/demo-data';
import { seedDemo } from '@/lib/org/demo-seed';
import { listTagSets } from '@/lib/kb/tags';
import { systemActor } from '@/lib/auth/actor';
import { findUserByEmail, listDepartmentTree } from '@/lib/org/queries';
import { setupTestDatabase } from './support/database';

const database = setupTestDatabase();

describe('demo company', () => {
  it('seeds a dozen departments with sub-teams and about 30 users with Chinese names', async () => {
    const result = await seedDemo();
    expect(result.seeded).toBe(true);
    const tree = await listDepartmentTree(result.organizationId);
    expect(tree.map((d) => d.name)).toEqual(DEMO_DEPARTMENTS.map(([name]) => name));
    expect(tree.find((d) => d.name === '研发部')?.children.map((d) => d.name)).toEqual(['前端开发组', '后端开发组', '测试组']);
    const [{ n: userCount }] = (await database.handle.db.select({ n: count() }).from(users)) as [{ n: number }];
    expect(userCount).toBe(DEMO_USERS.length);
    expect(userCount).toBeGreaterThanOrEqual(30);
    const admin = await findUserByEmail(DEMO_ADMIN_EMAIL);
    expect(admin).toMatchObject({ name: '王芳', isOrgAdmin: true });
  });

  it('gives the knowledge base its category tags', async () => {
    const admin = await findUserByEmail(DEMO_ADMIN_EMAIL);
    const sets = await listTagSets(systemActor, admin!.organizationId);
    expect(sets.map((s) => s.name)).toEqual(['类别', '阶段']);
    expect(sets[0]!.tags.map((t) => t.name)).toEqual(['流程', '规范', '经验', 'FAQ']);
  });

  it('lets demo users sign in with the printed password', async () => {
    expect(await verifyCredentials({ email: DEMO_ADMIN_EMAIL, password: DEMO_PASSWORD }, null)).toMatchObject({ ok: true });
  });

  it('does nothing the second time', async () => {
    const before = await database.handle.db.select({ n: count() }).from(departments);
    expect((await seedDemo()).seeded).toBe(false);
    expect(await database.handle.db.select({ n: count() }).from(departments)).toEqual(before);
  });
});
