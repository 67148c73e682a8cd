import type { Transaction } from '@/db/client';
import { actorId, type Actor } from '@/lib/auth/actor';
import { emitSpaceEvent } from '@/lib/realtime/events';

// More ids than this in one event: the event says "many" and open views reload instead.
const IDS_IN_EVENT = 200;

/**
 * Tells the space's open views (board, list, overview) that tasks changed, and who changed them
 * (`by`: their own screens are current already); call it last in the transaction.
 */
export async function announceTaskChanges(tx: Transaction, actor: Actor, spaceId: string, taskIds: readonly string[]): Promise<void> {
  if (!taskIds.length) return;
  const unique = [...new Set(taskIds)];
  if (unique.length > IDS_IN_EVENT) return announceManyTaskChanges(tx, actor, spaceId);
  await emitSpaceEvent(tx, spaceId, { type: 'task.changed', data: { taskIds: unique, by: actorId(actor) } });
}

/** Tells open views that many tasks changed at once (an import): they reload rather than patch. */
export async function announceManyTaskChanges(tx: Transaction, actor: Actor, spaceId: string): Promise<void> {
  await emitSpaceEvent(tx, spaceId, { type: 'task.changed', data: { taskIds: [], many: true, by: actorId(actor) } });
}
