import { and, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { meetingAgendaItems, type Meeting } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { Invalid, NotFound } from '@/lib/errors';
import { assertSpaceMembers } from '@/lib/spaces/guards';
import { isUuid } from '@/lib/validation';
import { authorizeMeeting } from './access';
import { announceMeetingChange } from './events';
import type { AgendaItemData } from './schema';

/** Agenda owners must be members of the space; a stranger is reported on the agenda. */
export async function assertAgendaOwners(tx: Transaction, spaceId: string, agenda: readonly AgendaItemData[]) {
  const owners = agenda.flatMap((item) => (item.ownerId ? [item.ownerId] : []));
  await assertSpaceMembers(tx, spaceId, owners, 'agenda', 'agendaOwnerNotMember');
}

/**
 * Makes the meeting's agenda the given list, in order. Items sent with their id keep their timer;
 * items left out are removed.
 */
export async function replaceAgenda(tx: Transaction, meeting: Pick<Meeting, 'id' | 'spaceId'>, agenda: readonly AgendaItemData[]) {
  await assertAgendaOwners(tx, meeting.spaceId, agenda);
  const existing = await tx.select({ id: meetingAgendaItems.id }).from(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, meeting.id));
  const known = new Set(existing.map((row) => row.id));
  const kept = new Set(agenda.flatMap((item) => (item.id && known.has(item.id) ? [item.id] : [])));
  const removed = [...known].filter((id) => !kept.has(id));
  if (removed.length) await tx.delete(meetingAgendaItems).where(and(eq(meetingAgendaItems.meetingId, meeting.id), inArray(meetingAgendaItems.id, removed)));
  for (const [position, item] of agenda.entries()) {
    const fields = { position, title: item.title, ownerId: item.ownerId ?? null, minutes: item.minutes };
    if (item.id && kept.has(item.id)) {
      await tx.update(meetingAgendaItems).set(fields).where(and(eq(meetingAgendaItems.id, item.id), eq(meetingAgendaItems.meetingId, meeting.id)));
    } else {
      await tx.insert(meetingAgendaItems).values({ ...fields, spaceId: meeting.spaceId, meetingId: meeting.id });
    }
  }
}

/**
 * Starts an agenda item's timer, for everyone watching: the running item (if any) stops, and an
 * item already finished starts over. `stop` ends the running item without starting another.
 */
export async function runAgendaItem(actor: Actor, meetingId: string, itemId: string, command: 'start' | 'stop'): Promise<void> {
  if (!isUuid(itemId)) throw NotFound();
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { meeting } = await authorizeMeeting(tx, actor, meetingId, 'record');
    if (meeting.status === 'cancelled') throw Invalid({}, 'meetingCancelled');
    const [item] = await tx.select().from(meetingAgendaItems).where(and(eq(meetingAgendaItems.id, itemId), eq(meetingAgendaItems.meetingId, meeting.id)));
    if (!item) throw NotFound();
    const now = new Date();
    if (command === 'start') {
      const othersRunning = and(
        eq(meetingAgendaItems.meetingId, meeting.id), ne(meetingAgendaItems.id, itemId),
        isNotNull(meetingAgendaItems.startedAt), isNull(meetingAgendaItems.endedAt),
      );
      await tx.update(meetingAgendaItems).set({ endedAt: now }).where(othersRunning);
      await tx.update(meetingAgendaItems).set({ startedAt: now, endedAt: null }).where(eq(meetingAgendaItems.id, itemId));
    } else if (item.startedAt && !item.endedAt) {
      await tx.update(meetingAgendaItems).set({ endedAt: now }).where(eq(meetingAgendaItems.id, itemId));
    }
    await announceMeetingChange(tx, actor, meeting.spaceId, meeting.id);
  });
}
