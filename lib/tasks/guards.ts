import { and, eq, inArray } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { milestones, tasks } from '@/db/schema';
import { Invalid } from '@/lib/errors';

// References a task makes must stay inside its space: tasks and milestones of the same space (and
// people who are members: lib/spaces/guards). Each check reports on the field that named the stranger.

/** Throws `Invalid` on `field` unless every id is a task of the space (a task elsewhere is as unknown as none). */
export async function assertTasksInSpace(tx: Transaction, spaceId: string, ids: readonly string[], field: string, messageKey = 'taskUnknown') {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const found = await tx.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.spaceId, spaceId), inArray(tasks.id, unique)));
  if (found.length !== unique.length) throw Invalid({ [field]: [messageKey] });
}

export async function assertMilestoneInSpace(tx: Transaction, spaceId: string, id: string | null | undefined) {
  if (!id) return;
  const [found] = await tx.select({ id: milestones.id }).from(milestones).where(and(eq(milestones.spaceId, spaceId), eq(milestones.id, id)));
  if (!found) throw Invalid({ milestoneId: ['milestoneUnknown'] });
}
