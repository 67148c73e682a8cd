import { and, asc, eq, sql } from 'drizzle-orm';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { departments, organizations, userFavoriteDepartments, users, type Department } from '@/db/schema';

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
}

/** The tree flattened depth-first, for pickers that indent children under their parent. */
export function flattenDepartmentTree(nodes: DepartmentNode[], depth = 0): DepartmentOption[] {
  return nodes.flatMap((node) => [{ id: node.id, name: node.name, depth }, ...flattenDepartmentTree(node.children, depth + 1)]);
}
