import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { Invalid } from '@/lib/errors';
import { authorizeSpace } from '@/lib/spaces/access';
import { parseInput } from '@/lib/validation';
import { bulkTaskStatusSchema, type BulkTaskStatusInput } from './schema';
import { nextRank } from './service';
import { applyStatusChange } from './status';
import { announceTaskChanges } from './events';

/**
 * Moves several tasks of a space to one status (not 阻塞: each blocked task needs its own entry).
 * All or nothing: one task that may not change (say, a blocked one with no resolution given)
 * leaves every task as it was.
 */
export async function bulkUpdateTaskStatus(actor: Actor, spaceId: string, input: BulkTaskStatusInput): Promise<number> {
  const data = parseInput(bulkTaskStatusSchema, input);
  const ids = [...new Set(data.taskIds)];
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { space } = await authorizeSpace(tx, actor, spaceId, 'task.changeStatus', { lock: true });
    const found = await tx.select().from(tasks).where(and(eq(tasks.spaceId, spaceId), inArray(tasks.id, ids)));
    if (found.length !== ids.length) throw Invalid({ taskIds: ['taskUnknown'] });
    let rank = await nextRank(tx, spaceId, data.status);
    const changed: string[] = [];
    for (const task of found) {
      if (task.status === data.status) continue;
      const columns = await applyStatusChange(tx, actor, task, data);
      await tx.update(tasks).set({ ...columns, rank: rank++ }).where(and(eq(tasks.id, task.id), eq(tasks.spaceId, spaceId)));
      changed.push(task.id);
    }
    if (changed.length) {
      await recordAudit(tx, actor, {
        organizationId: space.organizationId, spaceId, action: 'task.bulkStatus', targetType: 'task',
        data: { status: data.status, taskIds: changed },
      });
    }
    await announceTaskChanges(tx, actor, spaceId, changed);
    return changed.length;
  });
}
