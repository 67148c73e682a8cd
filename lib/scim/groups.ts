import { getDb } from '@/db/client';
import { systemActor } from '@/lib/auth/actor';
import { createDepartment, deleteDepartment, renameDepartment } from '@/lib/org/department-service';
import { isUuid } from '@/lib/validation';
import { auditScim } from './audit';
import { ScimError, scimNotFound } from './errors';
import {
  assertGroupWritable, findGroupRecord, hasSubDepartments, listGroupRecords, writeGroupLink, writeGroupMembers,
} from './group-store';
import { GROUP_PATCH_TARGET, parseGroupResource, toScimGroup, type GroupInput } from './group-resource';
import { listResponse, projectResource, type ListQuery } from './list';
import { applyPatch, parsePatchBody } from './patch';
import type { ScimClient } from './tokens';

// SCIM Groups are our departments: displayName is the department's name, members are the people
// whose department it is (joining one moves the person there, leaving clears their department).

async function readGroup(client: ScimClient, departmentId: string) {
  if (!isUuid(departmentId)) throw scimNotFound();
  return findGroupRecord(client.organizationId, departmentId, await getDb());
}

export async function getScimGroup(client: ScimClient, departmentId: string) {
  return toScimGroup(await readGroup(client, departmentId));
}

export async function listScimGroups(client: ScimClient, query: ListQuery) {
  const { total, records } = await listGroupRecords(client.organizationId, query.filter, query.startIndex - 1, query.count);
  return listResponse(records.map((r) => projectResource(toScimGroup(r), query)), total, query.startIndex);
}

async function writeLinkAndMembers(client: ScimClient, departmentId: string, input: GroupInput, action: string) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await writeGroupLink(tx, client.organizationId, departmentId, input.externalId);
    const { joined, left } = await writeGroupMembers(tx, client.organizationId, departmentId, input.memberIds);
    await auditScim(tx, client, action, { type: 'department', id: departmentId }, { joined, left });
  });
}

/** POST /Groups: a new top-level department with its members. */
export async function createScimGroup(client: ScimClient, body: unknown) {
  const input = parseGroupResource(body);
  await assertGroupWritable(client.organizationId, input, null);
  const department = await createDepartment(systemActor, client.organizationId, { name: input.name });
  await writeLinkAndMembers(client, department.id, input, 'scim.group.create');
  return getScimGroup(client, department.id);
}

async function writeScimGroup(client: ScimClient, departmentId: string, input: GroupInput) {
  const current = await readGroup(client, departmentId);
  await assertGroupWritable(client.organizationId, input, departmentId);
  if (current.department.name !== input.name) await renameDepartment(systemActor, client.organizationId, departmentId, { name: input.name });
  await writeLinkAndMembers(client, departmentId, input, 'scim.group.update');
  return getScimGroup(client, departmentId);
}

export async function replaceScimGroup(client: ScimClient, departmentId: string, body: unknown) {
  return writeScimGroup(client, departmentId, parseGroupResource(body));
}

/** PATCH /Groups/{id}: add/remove members (Okta, Azure AD) or rename; applied, then written like a PUT. */
export async function patchScimGroup(client: ScimClient, departmentId: string, body: unknown) {
  const operations = parsePatchBody(body);
  const current = toScimGroup(await readGroup(client, departmentId));
  return writeScimGroup(client, departmentId, parseGroupResource(applyPatch(current, operations, GROUP_PATCH_TARGET)));
}

/** DELETE /Groups/{id}: its members lose the department, then it goes; one with sub-departments stays (409). */
export async function deleteScimGroup(client: ScimClient, departmentId: string) {
  const current = await readGroup(client, departmentId);
  if (await hasSubDepartments(client.organizationId, departmentId)) {
    throw new ScimError(409, 'The group is a department with sub-departments; move or delete those first');
  }
  await writeLinkAndMembers(client, departmentId, { name: current.department.name, externalId: null, memberIds: [] }, 'scim.group.delete');
  await deleteDepartment(systemActor, client.organizationId, departmentId);
}
