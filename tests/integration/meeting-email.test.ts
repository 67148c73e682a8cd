import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { userActor } from '@/lib/auth/actor';
import { meetingUid } from '@/lib/meetings/ics';
import { cancelMeeting, createMeeting, updateMeeting } from '@/lib/meetings/service';
import { deliverDue } from '@/lib/notify/outbox';
import { setupTestDatabase } from './support/database';
import { seedSpace } from './support/factories';
import { startSmtpReceiver } from './support/receivers';

// The mail server's port is chosen before the app's modules read the environment.
const smtpPort = vi.hoisted(() => {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  return port;
});

setupTestDatabase();
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
beforeAll(async () => {
  smtp = await startSmtpReceiver(smtpPort);
});
afterAll(async () => {
  await smtp.close();
  delete process.env.SMTP_URL;
});

/** The calendar part of each mail to `email` since `from`, parsed: method, UID and SEQUENCE. */
function calendarsTo(email: string, from: number) {
  return smtp.mails.slice(from).filter((m) => JSON.stringify(m.to).includes(email)).map((mail) => {
    const part = mail.attachments.find((a) => a.contentType === 'text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(part!.content.toString('utf8')));
    const event = calendar.getFirstSubcomponent('vevent')!;
    return { subject: mail.subject, method: calendar.getFirstPropertyValue('method'), uid: event.getFirstPropertyValue('uid'), sequence: event.getFirstPropertyValue('sequence') };
  });
}

describe('meeting invitations by email', () => {
  it('carry the .ics: an invitation, an update with a higher SEQUENCE, a cancellation, always the same UID', async () => {
    const seeded = await seedSpace();
    const before = smtp.mails.length;
    const meeting = await createMeeting(userActor(seeded.participant), seeded.space.id, {
      topic: '需求评审会', startsAt: '2026-12-10T10:00', timeZone: 'Asia/Shanghai', attendeeIds: [seeded.owner.id],
    });
    await deliverDue();
    await updateMeeting(userActor(seeded.participant), meeting.id, { startsAt: '2026-12-11T10:00' });
    await deliverDue();
    await cancelMeeting(userActor(seeded.participant), meeting.id);
    await deliverDue();
    const mails = calendarsTo(seeded.owner.email, before);
    expect(mails.map((m) => [m.method, m.uid, m.sequence])).toEqual([
      ['REQUEST', meetingUid(meeting.id), 0], ['REQUEST', meetingUid(meeting.id), 1], ['CANCEL', meetingUid(meeting.id), 2],
    ]);
    expect(mails[0]!.subject).toContain('参与者 邀请你参加会议「需求评审会」');
    // The organiser is not mailed about their own meeting.
    expect(calendarsTo(seeded.participant.email, before)).toEqual([]);
  });
});
