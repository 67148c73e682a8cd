import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { systemActor } from '@/lib/auth/actor';
import { createUser, setUserActive } from '@/lib/org/user-admin-service';
import { isUuid } from '@/lib/validation';
import { auditScim } from './audit';
import { scimNotFound } from './errors';
import { listResponse, projectResource, type ListQuery } from './list';
import { applyPatch, parsePatchBody } from './patch';
import type { ScimClient } from './tokens';
import { ENTERPRISE_USER_SCHEMA } from './urns';
import {
  assertUserUnique, findUserRecord, listUserRecords, resolveDepartmentByName, writeUserLink,
} from './user-store';
import { parseUserResource, toScimUser, USER_PATCH_TARGET, type UserInput } from './user-resource';

// SCIM Users (RFC 7644 §3.3–3.6) on our users. Writes go through the org services (createUser,
// setUserActive), as the system actor; an extra audit row names the SCIM token that asked.

async function readUser(client: ScimClient, userId: string) {
  if (!isUuid(userId)) throw scimNotFound();
  return findUserRecord(client.organizationId, userId, await getDb());
}

export async function getScimUser(client: ScimClient, userId: string) {
  return toScimUser(await readUser(client, userId));
}

export async function listScimUsers(client: ScimClient, query: ListQuery) {
  const { total, records } = await listUserRecords(client.organizationId, query.filter, query.startIndex - 1, query.count);
  return listResponse(records.map((r) => projectResource(toScimUser(r), query)), total, query.startIndex);
}

async function departmentIdFor(client: ScimClient, input: UserInput): Promise<string | null | undefined> {
  if (input.departmentName === undefined) return undefined;
  return input.departmentName === null ? null : resolveDepartmentByName(client.organizationId, input.departmentName);
}

/** POST /Users: a new person, active unless the IdP says otherwise. */
export async function createScimUser(client: ScimClient, body: unknown) {
  const input = parseUserResource(body);
  const { organizationId } = client;
  await assertUserUnique(organizationId, input, null);
  const departmentId = await departmentIdFor(client, input);
  const db = await getDb();
  const userId = await db.transaction(async (tx) => {
    const user = await createUser(systemActor, organizationId, {
      email: input.email, name: input.name, title: input.title ?? undefined, phone: input.phone ?? undefined,
      departmentId: departmentId ?? undefined,
    }, tx);
    if (input.employeeId) {
      await tx.update(users).set({ employeeId: input.employeeId }).where(and(eq(users.id, user.id), eq(users.organizationId, organizationId)));
    }
    await writeUserLink(tx, organizationId, user.id, input.externalId);
    await auditScim(tx, client, 'scim.user.create', { type: 'user', id: user.id });
    if (!input.active) await setUserActive(systemActor, organizationId, user.id, false, tx);
    return user.id;
  });
  return getScimUser(client, userId);
}

/**
 * Writes a whole user (PUT, and a PATCH once applied) in one transaction. Deactivation goes first,
 * through setUserActive (it may be refused for the last admin, and it ends the person's sessions).
 */
async function writeScimUser(client: ScimClient, userId: string, input: UserInput) {
  const { organizationId } = client;
  const current = await readUser(client, userId);
  await assertUserUnique(organizationId, input, userId);
  const departmentId = await departmentIdFor(client, input);
  const wasActive = current.user.isActive;
  const db = await getDb();
  await db.transaction(async (tx) => {
    if (wasActive && !input.active) await setUserActive(systemActor, organizationId, userId, false, tx);
    await tx
      .update(users)
      .set({
        email: input.email, name: input.name, title: input.title, phone: input.phone, employeeId: input.employeeId,
        ...(departmentId !== undefined ? { departmentId } : {}),
      })
      .where(and(eq(users.id, userId), eq(users.organizationId, organizationId)));
    await writeUserLink(tx, organizationId, userId, input.externalId);
    await auditScim(tx, client, 'scim.user.update', { type: 'user', id: userId });
    if (!wasActive && input.active) await setUserActive(systemActor, organizationId, userId, true, tx);
  });
  return getScimUser(client, userId);
}

export async function replaceScimUser(client: ScimClient, userId: string, body: unknown) {
  const input = parseUserResource(body);
  return writeScimUser(client, userId, input);
}

type Doc = Record<string, unknown>;
const field = (doc: Doc, key: string) => JSON.stringify((doc.name as Doc | undefined)?.[key]);

/**
 * The display name follows whichever name attribute a PATCH changed: name.formatted, else the
 * given/family name, else displayName. A removed enterprise department clears the department.
 */
function reconcilePatchedUser(before: Doc, after: Doc): Doc {
  const name = { ...((after.name as Doc | undefined) ?? {}) };
  if (field(before, 'formatted') === JSON.stringify(name.formatted)) {
    if (field(before, 'givenName') !== JSON.stringify(name.givenName) || field(before, 'familyName') !== JSON.stringify(name.familyName)) {
      delete name.formatted;
    } else if (before.displayName !== after.displayName) {
      name.formatted = after.displayName;
    }
  }
  const enterprise = { ...((after[ENTERPRISE_USER_SCHEMA] as Doc | undefined) ?? {}) };
  if ((before[ENTERPRISE_USER_SCHEMA] as Doc).department !== undefined && enterprise.department === undefined) enterprise.department = null;
  return { ...after, name, [ENTERPRISE_USER_SCHEMA]: enterprise };
}

/** PATCH /Users/{id}: the operations applied to the current resource, then written like a PUT. */
export async function patchScimUser(client: ScimClient, userId: string, body: unknown) {
  const operations = parsePatchBody(body);
  const before = toScimUser(await readUser(client, userId)) as unknown as Doc;
  const after = reconcilePatchedUser(before, applyPatch(before, operations, USER_PATCH_TARGET));
  return writeScimUser(client, userId, parseUserResource(after));
}

/** DELETE /Users/{id}: we never delete people; they are deactivated (their sessions end) and stay readable. */
export async function deleteScimUser(client: ScimClient, userId: string) {
  const { user } = await readUser(client, userId);
  if (user.isActive) await setUserActive(systemActor, client.organizationId, userId, false);
  const db = await getDb();
  await auditScim(db, client, 'scim.user.delete', { type: 'user', id: userId });
}
