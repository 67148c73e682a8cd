import { and, eq } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { meetingNotes, type Meeting, type MeetingNote } from '@/db/schema';
import { actorId, type Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { Forbidden, NotFound } from '@/lib/errors';
import type { LoadedSpaceAccess } from '@/lib/spaces/access';
import { formBoolean, isUuid, parseInput } from '@/lib/validation';
import { authorizeMeeting, holdsMeetingRight } from './access';
import { announceMeetingChange } from './events';
import { meetingNoteSchema, type MeetingNoteInput } from './schema';

/**
 * A decision goes to the space's activity record, which the space feed reads: key conclusions are
 * published where everyone looks, not left in one meeting's notes.
 */
async function publishDecision(tx: Transaction, actor: Actor, access: LoadedSpaceAccess, meeting: Meeting, note: MeetingNote) {
  await recordAudit(tx, actor, {
    organizationId: access.space.organizationId, spaceId: meeting.spaceId, action: 'meeting.decision', targetType: 'meeting', targetId: meeting.id,
    data: { noteId: note.id, text: note.body, topic: meeting.topic },
  });
}

/** Adds an attendee's note, live for everyone on the meeting page; a decision is also published. */
export async function addMeetingNote(actor: Actor, meetingId: string, input: MeetingNoteInput): Promise<MeetingNote> {
  const data = parseInput(meetingNoteSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { meeting, access } = await authorizeMeeting(tx, actor, meetingId, 'note');
    const [note] = await tx.insert(meetingNotes).values({ spaceId: meeting.spaceId, meetingId: meeting.id, authorId: actorId(actor), body: data.body, isDecision: data.isDecision }).returning();
    if (note!.isDecision) await publishDecision(tx, actor, access, meeting, note!);
    await announceMeetingChange(tx, actor, meeting.spaceId, meeting.id);
    return note!;
  });
}

/** A note and its meeting; its author, or whoever keeps the minutes, may change it. */
async function authorizeNote(tx: Transaction, actor: Actor, noteId: string) {
  if (!isUuid(noteId)) throw NotFound();
  const [found] = await tx.select({ meetingId: meetingNotes.meetingId }).from(meetingNotes).where(eq(meetingNotes.id, noteId));
  if (!found) throw NotFound();
  const { meeting, access } = await authorizeMeeting(tx, actor, found.meetingId, 'note');
  const [note] = await tx.select().from(meetingNotes).where(and(eq(meetingNotes.id, noteId), eq(meetingNotes.meetingId, meeting.id)));
  if (!note) throw NotFound();
  const mine = note.authorId !== null && note.authorId === actorId(actor);
  if (!mine && !(await holdsMeetingRight(tx, actor, access, meeting, 'record'))) throw Forbidden();
  return { note, meeting, access };
}

/** Marks a note as a decision (publishing it) or takes the mark off. */
export async function markMeetingNoteDecision(actor: Actor, noteId: string, isDecision: unknown): Promise<MeetingNote> {
  const decision = parseInput(formBoolean, isDecision);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { note, meeting, access } = await authorizeNote(tx, actor, noteId);
    const [updated] = await tx.update(meetingNotes).set({ isDecision: decision }).where(and(eq(meetingNotes.id, note.id), eq(meetingNotes.meetingId, meeting.id))).returning();
    if (decision && !note.isDecision) await publishDecision(tx, actor, access, meeting, updated!);
    await announceMeetingChange(tx, actor, meeting.spaceId, meeting.id);
    return updated!;
  });
}

export async function deleteMeetingNote(actor: Actor, noteId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { note, meeting } = await authorizeNote(tx, actor, noteId);
    await tx.delete(meetingNotes).where(and(eq(meetingNotes.id, note.id), eq(meetingNotes.meetingId, meeting.id)));
    await announceMeetingChange(tx, actor, meeting.spaceId, meeting.id);
  });
}
