import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { departments, organizations, users } from '@/db/schema';
import { systemActor, userActor } from '@/lib/auth/actor';
import { getCurrentUser } from '@/lib/auth/session';
import { resolveExternalUser } from '@/lib/auth/sso';
import { ldapConfigFromEnv, ldapReader } from '@/lib/directory/ldap-source';
import type { SyncReport } from '@/lib/directory/report';
import { applySync, previewSync } from '@/lib/directory/sync';
import { env } from '@/lib/env';
import { ensureOrganization } from '@/lib/org/service';
import { createUser } from '@/lib/org/user-admin-service';
import { dingtalkDirectoryReader } from '@/lib/platforms/dingtalk/directory';
import { DINGTALK_PROVIDER_ID } from '@/lib/platforms/dingtalk/provider';
import { startDingtalkServer, type DingtalkServer } from '../support/platform-servers';
import { SEED_BULK_COUNT, SEED_PEOPLE, seedBulkRdn, startSlapd, type TestSlapd } from '../support/slapd';
import { setupTestDatabase } from './support/database';
import { uniqueEmail } from './support/factories';
import { cookieJar, signInAs } from './support/session';

vi.mock('next/headers', async () => (await import('./support/session')).cookieJarModule());

// The whole way from a directory to the organisation, through each source's reader and the sync
// engine: LDAP against a real slapd (Debian's), DingTalk contacts against the local DingTalk server.

setupTestDatabase();
let directory: TestSlapd;
let dingtalk: DingtalkServer;
beforeAll(async () => {
  directory = await startSlapd();
  dingtalk = await startDingtalkServer({
    clientId: 'ding-sync-key', clientSecret: 'ding-sync-secret', accounts: [],
    departments: [{ dept_id: 20, name: '客服部', parent_id: 1 }, { dept_id: 21, name: '投诉组', parent_id: 20 }],
    contacts: [
      { userid: 'c1', unionid: 'u-c1', name: '冯一', dept_id_list: [21], org_email: 'c1@corp.example', job_number: 'K001', title: '客服主管' },
      { userid: 'c2', unionid: 'u-c2', name: '陈二', dept_id_list: [20], org_email: 'c2@corp.example', job_number: 'K002' },
    ],
  });
});
afterAll(async () => Promise.all([directory?.stop(), dingtalk?.close()]));

async function organizationWithAdmin(name?: string) {
  const db = await getDb();
  const organization = name ? (await db.insert(organizations).values({ name }).returning())[0]! : await ensureOrganization();
  const admin = await createUser(systemActor, organization.id, { email: uniqueEmail('admin'), name: '管理员', isOrgAdmin: true });
  return { organization, actor: userActor(admin) };
}

const counts = (run: { report: unknown }) => (run.report as unknown as SyncReport).counts;
const dn = (rdn: string) => `${rdn},${directory.baseDn}`;

describe('directory sync from LDAP', () => {
  it('previews, imports the tree and the people, follows changes, deactivates a leaver, and is idempotent', async () => {
    const db = await getDb();
    const { organization, actor } = await organizationWithAdmin('LDAP 同步公司');
    const reader = ldapReader(ldapConfigFromEnv({ ...env, ...directory.env })!);
    const people = () => db.select().from(users).where(eq(users.organizationId, organization.id));

    const preview = await previewSync(actor, organization.id, reader);
    expect(preview).toMatchObject({ status: 'succeeded', dryRun: true });
    // Six OUs; 张三, 李四 and the bulk staff. 王五 has no mail and 赵六 is a locked leaver we never had.
    expect(counts(preview)).toMatchObject({ departmentsCreated: 6, peopleCreated: 2 + SEED_BULK_COUNT, skipped: 2 });
    expect(await people()).toHaveLength(1);

    const applied = await applySync(actor, organization.id, reader);
    expect(counts(applied)).toMatchObject({ departmentsCreated: 6, peopleCreated: 2 + SEED_BULK_COUNT });
    const [zhang] = await db.select().from(users).where(and(eq(users.organizationId, organization.id), eq(users.employeeId, SEED_PEOPLE.zhangsan.employeeNumber)));
    expect(zhang).toMatchObject({ name: '张三', email: SEED_PEOPLE.zhangsan.mail, title: '高级工程师', isActive: true });
    const [platform] = await db.select().from(departments).where(eq(departments.id, zhang!.departmentId!));
    const [rd] = await db.select().from(departments).where(eq(departments.id, platform!.parentId!));
    expect([platform!.name, rd!.name]).toEqual(['平台组', '研发中心']);

    // In the directory: 张三 gets a new title, a staff member moves to 产品部, 李四 leaves.
    const [li] = await db.select().from(users).where(eq(users.employeeId, SEED_PEOPLE.lisi.employeeNumber));
    await signInAs(li!);
    expect((await getCurrentUser())?.id).toBe(li!.id);
    await directory.modify(dn(SEED_PEOPLE.zhangsan.rdn), { title: '技术专家' });
    await directory.move(dn(seedBulkRdn(7)), dn('uid=staff007,ou=产品部'));
    await directory.remove(dn(SEED_PEOPLE.lisi.rdn));

    const second = await applySync(actor, organization.id, reader);
    expect(counts(second)).toMatchObject({ peopleCreated: 0, peopleUpdated: 2, peopleDeactivated: 1 });
    const after = new Map((await people()).map((u) => [u.employeeId, u]));
    expect(after.get(SEED_PEOPLE.zhangsan.employeeNumber)?.title).toBe('技术专家');
    const [product] = await db.select().from(departments).where(and(eq(departments.organizationId, organization.id), eq(departments.name, '产品部')));
    expect(after.get('S007')?.departmentId).toBe(product!.id);
    expect(after.get(SEED_PEOPLE.lisi.employeeNumber)?.isActive).toBe(false);
    // Deactivated: the leaver's session ends at once.
    expect(await getCurrentUser()).toBeNull();
    cookieJar.clear();

    const third = await applySync(actor, organization.id, reader);
    expect(counts(third)).toMatchObject({ departmentsCreated: 0, departmentsUpdated: 0, peopleCreated: 0, peopleUpdated: 0, peopleDeactivated: 0 });
  });
});

describe('directory sync from DingTalk contacts', () => {
  it('imports the contacts, whose DingTalk sign-in then finds them by the link; a removed one is deactivated and refused', async () => {
    const db = await getDb();
    // Sign-in maps people within the installation's organisation.
    const { organization, actor } = await organizationWithAdmin();
    const reader = dingtalkDirectoryReader({ clientId: 'ding-sync-key', clientSecret: 'ding-sync-secret', loginUrl: dingtalk.url, apiUrl: dingtalk.url, oapiUrl: dingtalk.url });
    expect(counts(await applySync(actor, organization.id, reader))).toMatchObject({ departmentsCreated: 2, peopleCreated: 2 });
    const [feng] = await db.select().from(users).where(and(eq(users.organizationId, organization.id), eq(users.employeeId, 'K001')));
    const [group] = await db.select().from(departments).where(eq(departments.id, feng!.departmentId!));
    expect(group!.name).toBe('投诉组');

    // No verified email at this sign-in: the contact link alone names the person.
    const signIn = (userid: string, unionId: string) => resolveExternalUser({
      provider: DINGTALK_PROVIDER_ID, subject: unionId, email: null, emailVerified: false, name: null,
      directory: { source: 'dingtalk', externalIds: [userid], departmentExternalId: null },
    });
    expect(await signIn('c1', 'u-c1')).toMatchObject({ ok: true, created: false, user: { id: feng!.id } });

    dingtalk.data.contacts.splice(dingtalk.data.contacts.findIndex((c) => c.userid === 'c2'), 1);
    expect(counts(await applySync(actor, organization.id, reader))).toMatchObject({ peopleDeactivated: 1, peopleCreated: 0 });
    expect(await signIn('c2', 'u-c2')).toEqual({ ok: false, reason: 'sso_deactivated' });
  });
});
