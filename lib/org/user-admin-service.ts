import { and, count, eq, ne, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { getDb, type Transaction } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import { assertCanInOrg } from '@/lib/auth/permissions';
import { recordAudit } from '@/lib/audit';
import { Conflict, NotFound } from '@/lib/errors';
import { isUuid, parseInput } from '@/lib/validation';
import { assertDepartmentsInOrg } from './guards';
import { announceLeaverTasks } from './leavers';
import { createUserSchema, type CreateUserInput } from './schema';

/** Creates a user; pass `within` to make it part of a larger transaction (an invitation). */
export async function createUser(actor: Actor, organizationId: string, input: CreateUserInput, within?: Transaction) {
  assertCanInOrg(actor, organizationId, 'org.manageUsers');
  const data = parseInput(createUserSchema, input);
  const passwordHash = data.password ? await hashPassword(data.password) : null;
  const insert = async (tx: Transaction) => {
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${data.email}`);
    if (taken) throw Conflict('emailTaken', { email: ['emailTaken'] });
    if (data.departmentId) await assertDepartmentsInOrg(tx, organizationId, [data.departmentId], 'departmentId');
    const { password: _password, ...profile } = data;
    const [user] = await tx.insert(users).values({ ...profile, organizationId, passwordHash }).returning();
    await recordAudit(tx, actor, {
      organizationId, action: 'user.create', targetType: 'user', targetId: user!.id,
      data: { email: user!.email, isOrgAdmin: user!.isOrgAdmin },
    });
    return user!;
  };
  return within ? insert(within) : (await getDb()).transaction(insert);
}

/** Refuses a change to an active admin that would leave the organisation without one. */
async function assertNotLastAdmin(tx: Transaction, organizationId: string, userId: string) {
  const [target] = await tx
    .select({ isOrgAdmin: users.isOrgAdmin, isActive: users.isActive })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.organizationId, organizationId)));
  if (!target?.isOrgAdmin || !target.isActive) return;
  const [row] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.isOrgAdmin, true), eq(users.isActive, true), ne(users.id, userId)));
  if (!row?.n) throw Conflict('lastAdmin');
}

async function updateUser(
  tx: Transaction, organizationId: string, userId: string, changes: PgUpdateSetSource<typeof users>,
) {
  const [user] = await tx
    .update(users)
    .set(changes)
    .where(and(eq(users.id, userId), eq(users.organizationId, organizationId)))
    .returning();
  if (!user) throw NotFound();
  return user;
}

/**
 * Activates or deactivates a user; deactivation ends every session of theirs at once and tells the
 * admins of their spaces which open tasks need a new assignee. Pass `within` to make it part of a
 * larger transaction (a directory sync, SCIM).
 */
export async function setUserActive(actor: Actor, organizationId: string, userId: string, isActive: boolean, within?: Transaction) {
  assertCanInOrg(actor, organizationId, 'org.manageUsers');
  if (!isUuid(userId)) throw NotFound();
  const change = async (tx: Transaction) => {
    if (!isActive) await assertNotLastAdmin(tx, organizationId, userId);
    const [before] = await tx.select({ isActive: users.isActive }).from(users)
      .where(and(eq(users.id, userId), eq(users.organizationId, organizationId)));
    const user = await updateUser(tx, organizationId, userId, { isActive, sessionVersion: sql`${users.sessionVersion} + 1` });
    await recordAudit(tx, actor, {
      organizationId, action: isActive ? 'user.activate' : 'user.deactivate', targetType: 'user', targetId: userId,
    });
    if (!isActive && before?.isActive) await announceLeaverTasks(tx, actor, user);
    return user;
  };
  return within ? change(within) : (await getDb()).transaction(change);
}

/** Makes a user an organisation admin or takes it away; the last admin keeps it. */
export async function setUserAdmin(actor: Actor, organizationId: string, userId: string, isOrgAdmin: boolean) {
  assertCanInOrg(actor, organizationId, 'org.manageUsers');
  if (!isUuid(userId)) throw NotFound();
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (!isOrgAdmin) await assertNotLastAdmin(tx, organizationId, userId);
    const user = await updateUser(tx, organizationId, userId, { isOrgAdmin });
    await recordAudit(tx, actor, {
      organizationId, action: isOrgAdmin ? 'user.grant_admin' : 'user.revoke_admin', targetType: 'user', targetId: userId,
    });
    return user;
  });
}
