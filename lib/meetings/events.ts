import type { Transaction } from '@/db/client';
import { actorId, type Actor } from '@/lib/auth/actor';
import { emitSpaceEvent } from '@/lib/realtime/events';

/**
 * Tells the space's open views that a meeting changed (its details, agenda, notes, minutes or
 * action items) and who changed it; open meeting pages fetch it again. Call it last in the transaction.
 */
export async function announceMeetingChange(tx: Transaction, actor: Actor, spaceId: string, meetingId: string): Promise<void> {
  await emitSpaceEvent(tx, spaceId, { type: 'meeting.changed', data: { meetingId, by: actorId(actor) } });
}
