import { and, eq, inArray } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { departments } from '@/db/schema';
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
