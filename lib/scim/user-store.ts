import { and, asc, count, eq, ne, sql, type SQL } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { departments, directoryUserLinks, users } from '@/db/schema';
import { systemActor } from '@/lib/auth/actor';
import { createDepartment } from '@/lib/org/department-service';
import { compileFilter, type FilterAttributes } from './filter';
import { scimNotFound, scimUniqueness } from './errors';
import { familyNameSql, givenNameSql } from './name-parts';
import type { UserInput, UserRecord } from './user-resource';

// Reads and writes of users as SCIM resources; users.ts holds the request rules.

const linkedExternalId = (condition: SQL) =>
  sql`exists (select 1 from ${directoryUserLinks} where ${directoryUserLinks.userId} = ${users.id}
    and ${directoryUserLinks.source} = 'scim' and ${condition})`;

const USER_FILTER_ATTRIBUTES: FilterAttributes = {
  id: { kind: 'id', expr: users.id },
  username: { kind: 'text', expr: users.email },
  'emails.value': { kind: 'text', expr: users.email },
  externalid: { kind: 'exactText', expr: directoryUserLinks.externalId, within: linkedExternalId },
  displayname: { kind: 'text', expr: users.name },
  'name.formatted': { kind: 'text', expr: users.name },
  'name.givenname': { kind: 'text', expr: givenNameSql(users.name) },
  'name.familyname': { kind: 'text', expr: familyNameSql(users.name) },
  title: { kind: 'text', expr: users.title },
  'phonenumbers.value': { kind: 'text', expr: users.phone },
  active: { kind: 'boolean', expr: users.isActive },
  employeenumber: { kind: 'exactText', expr: users.employeeId },
  department: {
    kind: 'text', expr: departments.name,
    within: (condition) => sql`exists (select 1 from ${departments} where ${departments.id} = ${users.departmentId} and ${condition})`,
  },
  'meta.created': { kind: 'dateTime', expr: users.createdAt },
  'meta.lastmodified': { kind: 'dateTime', expr: users.updatedAt },
};

function selectUserRecords(db: Pick<Transaction, 'select'>) {
  return db
    .select({ user: users, externalId: directoryUserLinks.externalId, departmentId: departments.id, departmentName: departments.name })
    .from(users)
    .leftJoin(directoryUserLinks, and(eq(directoryUserLinks.userId, users.id), eq(directoryUserLinks.source, 'scim')))
    .leftJoin(departments, eq(departments.id, users.departmentId));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectUserRecords>['where']>>[number];

const toRecord = (row: Row): UserRecord => ({
  user: row.user,
  externalId: row.externalId,
  department: row.departmentId ? { id: row.departmentId, name: row.departmentName ?? '' } : null,
});

export async function findUserRecord(organizationId: string, userId: string, db: Pick<Transaction, 'select'>): Promise<UserRecord> {
  const [row] = await selectUserRecords(db).where(and(eq(users.id, userId), eq(users.organizationId, organizationId)));
  if (!row) throw scimNotFound();
  return toRecord(row);
}

/** One page of the organisation's users matching a SCIM filter, oldest first (a stable order for paging). */
export async function listUserRecords(organizationId: string, filter: string | undefined, offset: number, limit: number) {
  const where = and(eq(users.organizationId, organizationId), filter ? compileFilter(filter, USER_FILTER_ATTRIBUTES) : undefined);
  const db = await getDb();
  const [total] = await db.select({ n: count() }).from(users).where(where);
  const rows = limit > 0 ? await selectUserRecords(db).where(where).orderBy(asc(users.createdAt), asc(users.id)).limit(limit).offset(offset) : [];
  return { total: Number(total?.n ?? 0), records: rows.map(toRecord) };
}

/** userName, employeeNumber and externalId each name one person; `userId` is the one being written. */
export async function assertUserUnique(organizationId: string, input: UserInput, userId: string | null) {
  const db = await getDb();
  const others = userId ? ne(users.id, userId) : undefined;
  const [email] = await db.select({ id: users.id }).from(users).where(and(sql`lower(${users.email}) = ${input.email}`, others));
  if (email) throw scimUniqueness('userName is already taken by another user');
  if (input.employeeId) {
    const [employee] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.organizationId, organizationId), eq(users.employeeId, input.employeeId), others));
    if (employee) throw scimUniqueness('employeeNumber is already taken by another user');
  }
  if (input.externalId) {
    const [link] = await db
      .select({ userId: directoryUserLinks.userId })
      .from(directoryUserLinks)
      .where(and(
        eq(directoryUserLinks.organizationId, organizationId), eq(directoryUserLinks.source, 'scim'),
        eq(directoryUserLinks.externalId, input.externalId), userId ? ne(directoryUserLinks.userId, userId) : undefined,
      ));
    if (link) throw scimUniqueness('externalId is already linked to another user');
  }
}

/**
 * The department an enterprise `department` name names: the oldest one of that name, else a new
 * top-level department (an IdP's department attribute is the directory's word on it).
 */
export async function resolveDepartmentByName(organizationId: string, name: string): Promise<string> {
  const db = await getDb();
  const [found] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.organizationId, organizationId), sql`lower(${departments.name}) = ${name.toLowerCase()}`))
    .orderBy(asc(departments.createdAt))
    .limit(1);
  return found?.id ?? (await createDepartment(systemActor, organizationId, { name })).id;
}

/** Keeps the user's one SCIM link pointing at `externalId` (none when null). */
export async function writeUserLink(tx: Transaction, organizationId: string, userId: string, externalId: string | null) {
  await tx
    .delete(directoryUserLinks)
    .where(and(
      eq(directoryUserLinks.organizationId, organizationId), eq(directoryUserLinks.source, 'scim'), eq(directoryUserLinks.userId, userId),
      externalId ? ne(directoryUserLinks.externalId, externalId) : undefined,
    ));
  if (!externalId) return;
  await tx
    .insert(directoryUserLinks)
    .values({ organizationId, source: 'scim', externalId, userId })
    .onConflictDoUpdate({
      target: [directoryUserLinks.organizationId, directoryUserLinks.source, directoryUserLinks.externalId],
      set: { lastSeenAt: new Date() },
    });
}
