import type { Transaction } from '@/db/client';
import type { KbPage } from '@/db/schema';
import { actorId, type Actor } from '@/lib/auth/actor';
import { emitSpaceEvent } from '@/lib/realtime/events';

/**
 * Tells a space's open views that one of its knowledge pages changed (saved, moved, deleted or
 * restored), so an open page learns of a newer version. The organisation's pages have no stream.
 */
export async function announcePageChange(tx: Transaction, actor: Actor, page: Pick<KbPage, 'id' | 'spaceId' | 'version'>): Promise<void> {
  if (!page.spaceId) return;
  await emitSpaceEvent(tx, page.spaceId, { type: 'kb.changed', data: { pageId: page.id, version: page.version, by: actorId(actor) } });
}
