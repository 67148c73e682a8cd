import { and, asc, count, eq, inArray, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { departments, directoryDepartmentLinks, users } from '@/db/schema';
import { compileFilter, type FilterAttributes } from './filter';
import { scimInvalid, scimNotFound, scimUniqueness } from './errors';
import type { GroupInput, GroupRecord } from './group-resource';

// Reads and writes of departments as SCIM Groups; groups.ts holds the request rules.

const GROUP_FILTER_ATTRIBUTES: FilterAttributes = {
  id: { kind: 'id', expr: departments.id },
  displayname: { kind: 'text', expr: departments.name },
  externalid: {
    kind: 'exactText', expr: directoryDepartmentLinks.externalId,
    within: (condition: SQL) => sql`exists (select 1 from ${directoryDepartmentLinks}
      where ${directoryDepartmentLinks.departmentId} = ${departments.id} and ${directoryDepartmentLinks.source} = 'scim' and ${condition})`,
  },
  'members.value': {
    kind: 'id', expr: users.id,
    within: (condition: SQL) => sql`exists (select 1 from ${users} where ${users.departmentId} = ${departments.id} and ${condition})`,
  },
};

type Reader = Pick<Transaction, 'select'>;

async function withMembers(db: Reader, rows: { department: typeof departments.$inferSelect; externalId: string | null; lastSeenAt: Date | null }[]): Promise<GroupRecord[]> {
  const ids = rows.map((r) => r.department.id);
  const members = ids.length
    ? await db.select({ id: users.id, name: users.name, departmentId: users.departmentId }).from(users)
      .where(inArray(users.departmentId, ids)).orderBy(asc(users.createdAt), asc(users.id))
    : [];
  return rows.map((r) => ({
    department: r.department,
    externalId: r.externalId,
    lastModified: r.lastSeenAt && r.lastSeenAt > r.department.createdAt ? r.lastSeenAt : r.department.createdAt,
    members: members.filter((m) => m.departmentId === r.department.id).map(({ id, name }) => ({ id, name })),
  }));
}

function selectGroupRows(db: Reader) {
  return db
    .select({ department: departments, externalId: directoryDepartmentLinks.externalId, lastSeenAt: directoryDepartmentLinks.lastSeenAt })
    .from(departments)
    .leftJoin(directoryDepartmentLinks, and(eq(directoryDepartmentLinks.departmentId, departments.id), eq(directoryDepartmentLinks.source, 'scim')));
}

export async function findGroupRecord(organizationId: string, departmentId: string, db: Reader): Promise<GroupRecord> {
  const rows = await selectGroupRows(db).where(and(eq(departments.id, departmentId), eq(departments.organizationId, organizationId)));
  if (!rows.length) throw scimNotFound();
  return (await withMembers(db, rows))[0]!;
}

export async function listGroupRecords(organizationId: string, filter: string | undefined, offset: number, limit: number) {
  const where = and(eq(departments.organizationId, organizationId), filter ? compileFilter(filter, GROUP_FILTER_ATTRIBUTES) : undefined);
  const db = await getDb();
  const [total] = await db.select({ n: count() }).from(departments).where(where);
  const rows = limit > 0
    ? await selectGroupRows(db).where(where).orderBy(asc(departments.createdAt), asc(departments.id)).limit(limit).offset(offset)
    : [];
  return { total: Number(total?.n ?? 0), records: await withMembers(db, rows) };
}

/** A group's name and external id name one department; its members must be users of the organisation. */
export async function assertGroupWritable(organizationId: string, input: GroupInput, departmentId: string | null) {
  const db = await getDb();
  const [named] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(
      eq(departments.organizationId, organizationId), sql`lower(${departments.name}) = ${input.name.toLowerCase()}`,
      departmentId ? ne(departments.id, departmentId) : undefined,
    ));
  if (named) throw scimUniqueness('displayName is already taken by another group');
  if (input.externalId) {
    const [link] = await db
      .select({ id: directoryDepartmentLinks.departmentId })
      .from(directoryDepartmentLinks)
      .where(and(
        eq(directoryDepartmentLinks.organizationId, organizationId), eq(directoryDepartmentLinks.source, 'scim'),
        eq(directoryDepartmentLinks.externalId, input.externalId),
        departmentId ? ne(directoryDepartmentLinks.departmentId, departmentId) : undefined,
      ));
    if (link) throw scimUniqueness('externalId is already linked to another group');
  }
  if (input.memberIds.length) {
    const found = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.organizationId, organizationId), inArray(users.id, input.memberIds)));
    const known = new Set(found.map((u) => u.id));
    const unknown = input.memberIds.filter((id) => !known.has(id));
    if (unknown.length) throw scimInvalid('invalidValue', `members: no such user ${unknown.slice(0, 5).join(', ')}`);
  }
}

/**
 * Makes the department's members exactly `memberIds`: they move into it, those no longer listed
 * leave it (without a department). Returns who joined and who left, for the audit.
 */
export async function writeGroupMembers(tx: Transaction, organizationId: string, departmentId: string, memberIds: string[]) {
  const inOrg = eq(users.organizationId, organizationId);
  const left = await tx
    .update(users)
    .set({ departmentId: null })
    .where(and(inOrg, eq(users.departmentId, departmentId), memberIds.length ? notInArray(users.id, memberIds) : undefined))
    .returning({ id: users.id });
  const joined = memberIds.length
    ? await tx
      .update(users)
      .set({ departmentId })
      .where(and(inOrg, inArray(users.id, memberIds), sql`${users.departmentId} is distinct from ${departmentId}`))
      .returning({ id: users.id })
    : [];
  return { joined: joined.map((u) => u.id), left: left.map((u) => u.id) };
}

/** Keeps the department's one SCIM link at `externalId` (none when null), touching its time. */
export async function writeGroupLink(tx: Transaction, organizationId: string, departmentId: string, externalId: string | null) {
  const ownLinks = and(
    eq(directoryDepartmentLinks.organizationId, organizationId), eq(directoryDepartmentLinks.source, 'scim'),
    eq(directoryDepartmentLinks.departmentId, departmentId),
  );
  await tx.delete(directoryDepartmentLinks).where(and(ownLinks, externalId ? ne(directoryDepartmentLinks.externalId, externalId) : undefined));
  if (!externalId) return;
  await tx
    .insert(directoryDepartmentLinks)
    .values({ organizationId, source: 'scim', externalId, departmentId })
    .onConflictDoUpdate({
      target: [directoryDepartmentLinks.organizationId, directoryDepartmentLinks.source, directoryDepartmentLinks.externalId],
      set: { lastSeenAt: new Date() },
    });
}

export async function hasSubDepartments(organizationId: string, departmentId: string): Promise<boolean> {
  const db = await getDb();
  const [child] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.organizationId, organizationId), eq(departments.parentId, departmentId)))
    .limit(1);
  return Boolean(child);
}
