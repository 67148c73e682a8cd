import { and, asc, count, desc, eq, exists, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditEvents, departments, spaceDepartments, spaceMembers, spaces, users, type Space, type SpaceRole } from '@/db/schema';
import { readAuditPage } from '@/lib/audit';
import type { Actor } from '@/lib/auth/actor';
import { allowedSpaceActions, type SpaceAction } from '@/lib/auth/permissions';
import { containsPattern } from '@/lib/like-pattern';
import { comparePinyin } from '@/lib/org/people';
import { authorizeSpace } from './access';
import { spaceListFiltersSchema, type SpaceListFilters } from './schema';

export const SPACES_PAGE_SIZE = 20;

function isMember(userId: string) {
  return exists(
    sql`(select 1 from ${spaceMembers} where ${spaceMembers.spaceId} = ${spaces.id} and ${spaceMembers.userId} = ${userId})`,
  );
}

/**
 * The spaces list: the actor's own spaces, or (`scope: 'all'`) every space they may see, which
 * for an organisation admin is every space of the organisation. Filters: state, a participating
 * department, a name search; newest first, paginated.
 */
export async function listSpaces(actor: Actor, input: SpaceListFilters = {}) {
  const filters = spaceListFiltersSchema.parse(input);
  if (actor.kind !== 'user') return { rows: [], total: 0, page: 1 };
  const { user } = actor;
  const conditions: SQL[] = [eq(spaces.organizationId, user.organizationId)];
  if (filters.scope === 'mine' || !user.isOrgAdmin) conditions.push(isMember(user.id));
  if (filters.status) conditions.push(eq(spaces.status, filters.status));
  if (filters.q) conditions.push(ilike(spaces.name, containsPattern(filters.q)));
  if (filters.departmentId) {
    conditions.push(exists(
      sql`(select 1 from ${spaceDepartments} where ${spaceDepartments.spaceId} = ${spaces.id} and ${spaceDepartments.departmentId} = ${filters.departmentId})`,
    ));
  }
  const where = and(...conditions);
  const db = await getDb();
  const [rows, [total]] = await Promise.all([
    db
      .select({
        space: spaces,
        memberCount: sql<number>`(select count(*)::int from ${spaceMembers} where ${spaceMembers.spaceId} = ${spaces.id})`,
        myRole: sql<string | null>`(select ${spaceMembers.role} from ${spaceMembers} where ${spaceMembers.spaceId} = ${spaces.id} and ${spaceMembers.userId} = ${user.id})`,
      })
      .from(spaces)
      .where(where)
      .orderBy(desc(spaces.createdAt))
      .limit(SPACES_PAGE_SIZE)
      .offset((filters.page - 1) * SPACES_PAGE_SIZE),
    db.select({ n: count() }).from(spaces).where(where),
  ]);
  const departmentNames = await namesOfSpaceDepartments(rows.map((r) => r.space.id));
  return {
    rows: rows.map((r) => ({ ...r, departments: departmentNames.get(r.space.id) ?? [] })),
    total: total!.n,
    page: filters.page,
  };
}

async function namesOfSpaceDepartments(spaceIds: string[]) {
  const byspace = new Map<string, { id: string; name: string }[]>();
  if (!spaceIds.length) return byspace;
  const db = await getDb();
  const rows = await db
    .select({ spaceId: spaceDepartments.spaceId, id: departments.id, name: departments.name })
    .from(spaceDepartments)
    .innerJoin(departments, eq(departments.id, spaceDepartments.departmentId))
    .where(inArray(spaceDepartments.spaceId, spaceIds))
    .orderBy(asc(departments.sortOrder), asc(departments.name));
  for (const row of rows) (byspace.get(row.spaceId) ?? byspace.set(row.spaceId, []).get(row.spaceId)!).push({ id: row.id, name: row.name });
  return byspace;
}

/** Active spaces the user belongs to, for the navigation. */
export async function listNavigationSpaces(userId: string) {
  const db = await getDb();
  return db
    .select({ id: spaces.id, name: spaces.name, coverColor: spaces.coverColor })
    .from(spaces)
    .innerJoin(spaceMembers, and(eq(spaceMembers.spaceId, spaces.id), eq(spaceMembers.userId, userId)))
    .where(eq(spaces.status, 'active'))
    .orderBy(asc(spaces.name))
    .limit(50);
}

export interface SpaceMemberView {
  userId: string;
  name: string;
  email: string;
  avatarKey: string | null;
  departmentId: string | null;
  departmentName: string | null;
  role: SpaceRole;
  isAdmin: boolean;
}

/** One space with what its overview shows and what the actor may do in it (404 for outsiders). */
export async function getSpace(actor: Actor, spaceId: string): Promise<{
  space: Space;
  departments: { id: string; name: string }[];
  members: SpaceMemberView[];
  allowed: Set<SpaceAction>;
}> {
  const db = await getDb();
  const access = await authorizeSpace(db, actor, spaceId, 'space.view');
  const [departmentNames, members] = await Promise.all([
    namesOfSpaceDepartments([spaceId]),
    db
      .select({
        userId: users.id, name: users.name, email: users.email, avatarKey: users.avatarKey, departmentId: users.departmentId,
        departmentName: departments.name, role: spaceMembers.role, isAdmin: spaceMembers.isAdmin,
      })
      .from(spaceMembers)
      .innerJoin(users, eq(users.id, spaceMembers.userId))
      .leftJoin(departments, eq(departments.id, users.departmentId))
      .where(eq(spaceMembers.spaceId, spaceId)),
  ]);
  // Admins first, then everyone in pinyin order.
  members.sort((a, b) => Number(b.isAdmin) - Number(a.isAdmin) || comparePinyin(a.name, b.name));
  return {
    space: access.space,
    departments: departmentNames.get(spaceId) ?? [],
    members,
    allowed: allowedSpaceActions(actor, access),
  };
}

/** The space's own audit log, newest first (space and org admins). */
export async function listSpaceAudit(actor: Actor, spaceId: string, page = 1) {
  await authorizeSpace(await getDb(), actor, spaceId, 'space.viewAudit');
  return readAuditPage(eq(auditEvents.spaceId, spaceId), page);
}
