import { and, asc, count, eq, ilike, or, sql } from 'drizzle-orm';
import { cache } from 'react';
import type { Actor } from '@/lib/auth/actor';
import { assertCanInOrg } from '@/lib/auth/permissions';
import { containsPattern } from '@/lib/like-pattern';
import { isUuid } from '@/lib/validation';
import { getDb } from '@/db/client';
import { departments, organizations, userFavoriteDepartments, users, type Department, type User } from '@/db/schema';
import { isProfileComplete } from './profile-rules';

export async function getFirstOrganization() {
  const db = await getDb();
  const [org] = await db.select().from(organizations).orderBy(asc(organizations.createdAt)).limit(1);
  return org ?? null;
}

export async function getUserById(id: string) {
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user ?? null;
}

export async function findUserByEmail(email: string) {
  const db = await getDb();
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  return user ?? null;
}

export const getDepartment = cache(async (organizationId: string, id: string) => {
  const db = await getDb();
  const [department] = await db
    .select()
    .from(departments)
    .where(and(eq(departments.id, id), eq(departments.organizationId, organizationId)));
  return department ?? null;
});

/** Whether the organisation has any department yet (a new installation may have none). */
export const organizationHasDepartments = cache(async (organizationId: string): Promise<boolean> => {
  const db = await getDb();
  const [row] = await db.select({ id: departments.id }).from(departments).where(eq(departments.organizationId, organizationId)).limit(1);
  return Boolean(row);
});

/** Whether the user must complete the first-sign-in profile before anything else. */
export async function isOnboardingDue(user: User): Promise<boolean> {
  if (isProfileComplete(user)) return false;
  return !isProfileComplete(user, await organizationHasDepartments(user.organizationId));
}

export interface DepartmentNode extends Department {
  children: DepartmentNode[];
}

/** The organisation's departments as a tree, siblings in their set order. */
export async function listDepartmentTree(organizationId: string): Promise<DepartmentNode[]> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(departments)
    .where(eq(departments.organizationId, organizationId))
    .orderBy(asc(departments.sortOrder), asc(departments.name));
  return buildDepartmentTree(rows);
}

export function buildDepartmentTree(rows: Department[]): DepartmentNode[] {
  const nodes = new Map(rows.map((row) => [row.id, { ...row, children: [] as DepartmentNode[] }]));
  const roots: DepartmentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** The departments a user pinned (常用部门), in tree order. */
export async function listFavoriteDepartments(userId: string) {
  const db = await getDb();
  return db
    .select({ id: departments.id, name: departments.name })
    .from(userFavoriteDepartments)
    .innerJoin(departments, eq(departments.id, userFavoriteDepartments.departmentId))
    .where(eq(userFavoriteDepartments.userId, userId))
    .orderBy(asc(departments.sortOrder), asc(departments.name));
}

export interface DepartmentOption {
  id: string;
  name: string;
  depth: number;
  parentId: string | null;
  /** Position among its siblings. */
  index: number;
}

/** The tree flattened depth-first, for pickers and editors that indent children under their parent. */
export function flattenDepartmentTree(nodes: DepartmentNode[], depth = 0): DepartmentOption[] {
  return nodes.flatMap((node, index) => [
    { id: node.id, name: node.name, depth, parentId: node.parentId, index },
    ...flattenDepartmentTree(node.children, depth + 1),
  ]);
}

export const USERS_PAGE_SIZE = 20;

export interface UserListFilters {
  q?: string;
  departmentId?: string;
  page?: number;
}

/** The admin console's user list: search by name or email, filter by department, paginated. */
export async function listUsersForAdmin(actor: Actor, organizationId: string, filters: UserListFilters) {
  assertCanInOrg(actor, organizationId, 'org.manageUsers');
  const db = await getDb();
  const conditions = [eq(users.organizationId, organizationId)];
  const q = filters.q?.trim();
  if (q) {
    const pattern = containsPattern(q);
    conditions.push(or(ilike(users.name, pattern), ilike(users.email, pattern))!);
  }
  if (filters.departmentId && isUuid(filters.departmentId)) conditions.push(eq(users.departmentId, filters.departmentId));
  const where = and(...conditions);
  const page = Math.max(1, Math.floor(filters.page ?? 1));
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: users.id, name: users.name, email: users.email, title: users.title, isActive: users.isActive,
        isOrgAdmin: users.isOrgAdmin, departmentName: departments.name,
      })
      .from(users)
      .leftJoin(departments, eq(departments.id, users.departmentId))
      .where(where)
      .orderBy(asc(users.name), asc(users.email))
      .limit(USERS_PAGE_SIZE)
      .offset((page - 1) * USERS_PAGE_SIZE),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows, total: total?.n ?? 0, page, pageCount: Math.max(1, Math.ceil((total?.n ?? 0) / USERS_PAGE_SIZE)) };
}
