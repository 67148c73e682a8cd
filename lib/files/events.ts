import type { Transaction } from '@/db/client';
import { actorId, type Actor } from '@/lib/auth/actor';
import { emitSpaceEvent } from '@/lib/realtime/events';

/** Tells the space's open library views that files or folders changed; call it last in the transaction. */
export async function announceFileChanges(tx: Transaction, actor: Actor, spaceId: string, ids: readonly string[]): Promise<void> {
  await emitSpaceEvent(tx, spaceId, { type: 'file.changed', data: { fileIds: [...new Set(ids)], by: actorId(actor) } });
}
