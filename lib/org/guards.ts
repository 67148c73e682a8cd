import { and, eq, inArray } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { departments, users } from '@/db/schema';
import { Invalid } from '@/lib/errors';

/** Throws `Invalid` on `field` unless every id is a department of the organisation. */
export async function assertDepartmentsInOrg(tx: Transaction, organizationId: string, ids: string[], field: string) {
  if (!ids.length) return;
  const found = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(inArray(departments.id, ids), eq(departments.organizationId, organizationId)));
  if (found.length !== new Set(ids).size) throw Invalid({ [field]: ['departmentUnknown'] });
}

/** Throws `Invalid` on `field` unless every id is an active user of the organisation. */
export async function assertActiveUsersInOrg(tx: Transaction, organizationId: string, ids: string[], field: string) {
  if (!ids.length) return;
  const found = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.organizationId, organizationId), eq(users.isActive, true)));
  if (found.length !== new Set(ids).size) throw Invalid({ [field]: ['userUnknown'] });
}
