import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { meetingAttendees, type Meeting, type Space } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { notifyUsers } from '@/lib/notify/service';
import type { NotificationKind } from '@/lib/notify/rules';

export interface AttendeeChange {
  added: string[];
  kept: string[];
  removed: string[];
}

export async function attendeeIdsOf(tx: Transaction, meetingId: string): Promise<string[]> {
  const rows = await tx.select({ userId: meetingAttendees.userId }).from(meetingAttendees).where(eq(meetingAttendees.meetingId, meetingId));
  return rows.map((row) => row.userId);
}

type MeetingNotice = Extract<NotificationKind, `meeting.${string}`>;

/**
 * Tells attendees of an invitation, a change their calendar must take, or a cancellation (also
 * sent to someone taken off the list). The key holds the invitation's sequence: one notice per version.
 */
export async function notifyAttendees(
  tx: Transaction, actor: Actor, space: Pick<Space, 'id' | 'organizationId' | 'name'>, meeting: Meeting, kind: MeetingNotice, userIds: readonly string[],
): Promise<void> {
  if (!userIds.length) return;
  await notifyUsers(tx, actor, userIds, {
    organizationId: space.organizationId, spaceId: space.id, kind,
    data: { topic: meeting.topic, startsAt: meeting.startsAt.toISOString(), timeZone: meeting.timeZone, spaceName: space.name },
    href: `/spaces/${space.id}/meetings/${meeting.id}`,
    dedupeKey: `meeting:${meeting.id}:${meeting.sequence}:${kind}`,
    calendar: { meetingId: meeting.id, cancel: kind === 'meeting.cancelled' && meeting.status !== 'cancelled' },
  });
}
