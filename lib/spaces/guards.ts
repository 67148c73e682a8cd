import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { spaceMembers } from '@/db/schema';
import { Invalid } from '@/lib/errors';

/** Throws `Invalid` on `field` unless every id is a member of the space (a stranger is reported where it was named). */
export async function assertSpaceMembers(tx: Database | Transaction, spaceId: string, ids: readonly string[], field: string, messageKey: string) {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const found = await tx
    .select({ id: spaceMembers.userId })
    .from(spaceMembers)
    .where(and(eq(spaceMembers.spaceId, spaceId), inArray(spaceMembers.userId, unique)));
  if (found.length !== unique.length) throw Invalid({ [field]: [messageKey] });
}
