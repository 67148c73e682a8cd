import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { auditEvents, meetings, spaceEvents, taskHelpers, tasks } from '@/db/schema';
import { systemActor, userActor } from '@/lib/auth/actor';
import { attachFile, attachmentsOf, detachFile } from '@/lib/files/attachments';
import { uploadFile } from '@/lib/files/upload';
import { addActionItem, deleteActionItem, syncActionItems, updateActionItem } from '@/lib/meetings/action-items';
import { runAgendaItem } from '@/lib/meetings/agenda';
import { meetingInvitation, meetingUid } from '@/lib/meetings/ics';
import { addMeetingNote, deleteMeetingNote, markMeetingNoteDecision } from '@/lib/meetings/notes';
import { getMeeting, listMeetings, meetingOfTask } from '@/lib/meetings/queries';
import { cancelMeeting, createMeeting, saveMinutes, updateMeeting } from '@/lib/meetings/service';
import { addSpaceMembers } from '@/lib/spaces/members';
import { archiveSpace } from '@/lib/spaces/service';
import { getBoard } from '@/lib/tasks/board';
import { lenientTaskFilters } from '@/lib/tasks/schema';
import { updateTask } from '@/lib/tasks/service';
import { setupTestDatabase } from './support/database';
import { seedSpace } from './support/factories';

const database = setupTestDatabase();

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as { status: number; messageKey: string; fieldErrors: Record<string, string[]> };
  }
  throw new Error('expected a rejection');
}

type Seeded = Awaited<ReturnType<typeof seedSpace>>;

/** A meeting the participant organises, with the owner and observer invited and two agenda items. */
function scheduleReview(seeded: Seeded, overrides: Record<string, unknown> = {}) {
  return createMeeting(userActor(seeded.participant), seeded.space.id, {
    topic: '需求评审会', startsAt: '2026-12-03T10:00', endsAt: '2026-12-03T11:30', timeZone: 'Asia/Shanghai', place: '3 楼会议室',
    attendeeIds: [seeded.owner.id, seeded.observer.id], departmentIds: [seeded.department.id],
    agenda: [{ title: '回顾上周进度', ownerId: seeded.owner.id, minutes: 15 }, { title: '评审需求文档 V2', minutes: 45 }],
    ...overrides,
  });
}

/** A file in the space's library, uploaded by its participant. */
async function libraryFile(seeded: Seeded, name = '议程材料.txt') {
  const body = new Blob([new TextEncoder().encode('评审材料')]).stream();
  return (await uploadFile(userActor(seeded.participant), seeded.space.id, { name }, body)).file;
}

const meetingChanges = async (spaceId: string, meetingId: string) => (await database.handle.db.select().from(spaceEvents).where(eq(spaceEvents.spaceId, spaceId)))
  .filter((e) => e.type === 'meeting.changed' && (e.data as { meetingId: string }).meetingId === meetingId).length;

const invitationOf = (view: Awaited<ReturnType<typeof getMeeting>>) => meetingInvitation(view, { meetingUrl: 'http://localhost/m', agendaLabel: '议程' });

describe('scheduling a meeting', () => {
  it('reads the time in the given zone, adds the organiser as an attendee and keeps the agenda in order', async () => {
    const seeded = await seedSpace();
    const meeting = await scheduleReview(seeded);
    expect(meeting.startsAt.toISOString()).toBe('2026-12-03T02:00:00.000Z');
    expect(meeting.durationMinutes).toBe(90);
    const view = await getMeeting(userActor(seeded.observer), meeting.id);
    expect(view.attendees.map((a) => a.id).sort()).toEqual([seeded.owner.id, seeded.observer.id, seeded.participant.id].sort());
    expect(view.agenda.map((a) => [a.title, a.ownerName, a.minutes])).toEqual([['回顾上周进度', '负责人', 15], ['评审需求文档 V2', null, 45]]);
    expect(view.departments.map((d) => d.id)).toEqual([seeded.department.id]);
    expect(view.rights).toEqual({ view: true, note: true, record: false, edit: false });
  });

  it('refuses an end before the start, attendees outside the space and an observer as organiser, writing nothing', async () => {
    const seeded = await seedSpace();
    const early = await rejection(scheduleReview(seeded, { endsAt: '2026-12-03T09:00' }));
    expect(early.fieldErrors).toEqual({ endsAt: ['meetingEndBeforeStart'] });
    const stranger = await rejection(scheduleReview(seeded, { attendeeIds: [seeded.outsider.id] }));
    expect(stranger.fieldErrors).toEqual({ attendeeIds: ['attendeeNotMember'] });
    const bad = await rejection(scheduleReview(seeded, { topic: '', startsAt: 'tomorrow', onlineUrl: 'javascript:alert(1)', agenda: [{ title: '', minutes: 0 }] }));
    expect(bad.fieldErrors).toMatchObject({ topic: ['required'], startsAt: ['dateTimeInvalid'], onlineUrl: ['urlInvalid'], 'agenda.0.title': ['required'], 'agenda.0.minutes': ['minutesInvalid'] });
    const observer = await rejection(createMeeting(userActor(seeded.observer), seeded.space.id, { topic: '周会', startsAt: '2026-12-03T10:00' }));
    expect(observer.status).toBe(403);
    const outsider = await rejection(createMeeting(userActor(seeded.outsider), seeded.space.id, { topic: '周会', startsAt: '2026-12-03T10:00' }));
    expect(outsider.status).toBe(404);
    expect(await database.handle.db.select().from(meetings).where(eq(meetings.spaceId, seeded.space.id))).toHaveLength(0);
  });

  it('lets the organiser and leads change a meeting, not other participants, and raises the invitation sequence', async () => {
    const seeded = await seedSpace();
    const meeting = await scheduleReview(seeded);
    const other = await seedSpace();
    expect((await rejection(updateMeeting(userActor(other.participant), meeting.id, { topic: '改' }))).status).toBe(404);
    const moved = await updateMeeting(userActor(seeded.owner), meeting.id, { startsAt: '2026-12-04T14:00', endsAt: '2026-12-04T15:00' });
    expect(moved.sequence).toBe(1);
    expect(moved.startsAt.toISOString()).toBe('2026-12-04T06:00:00.000Z');
    const same = await updateMeeting(userActor(seeded.participant), meeting.id, { topic: '需求评审会' });
    expect(same.sequence).toBe(1);
    const seededThird = await seedSpace();
    expect((await rejection(updateMeeting(userActor(seededThird.admin), meeting.id, { topic: 'x' }))).status).toBe(404);
  });
});

describe('the invitation', () => {
  it('parses as a calendar event with the same UID through updates and the cancellation', async () => {
    const seeded = await seedSpace();
    const meeting = await scheduleReview(seeded, { recurrence: 'weekly', onlineUrl: 'https://meeting.example.com/123' });
    const first = ICAL.Component.fromString(invitationOf(await getMeeting(userActor(seeded.owner), meeting.id)));
    expect(first.getFirstPropertyValue('method')).toBe('REQUEST');
    const event = new ICAL.Event(first.getFirstSubcomponent('vevent')!);
    expect(event.uid).toBe(meetingUid(meeting.id));
    expect(event.summary).toBe('需求评审会');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-03T02:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-03T03:30:00.000Z');
    expect(event.location).toBe('3 楼会议室');
    expect(event.attendees).toHaveLength(3);
    expect(event.isRecurring()).toBe(true);
    expect(event.description).toContain('1. 回顾上周进度');

    await updateMeeting(userActor(seeded.participant), meeting.id, { startsAt: '2026-12-03T15:00', endsAt: '2026-12-03T16:00' });
    await cancelMeeting(userActor(seeded.participant), meeting.id);
    const cancel = ICAL.Component.fromString(invitationOf(await getMeeting(userActor(seeded.owner), meeting.id)));
    expect(cancel.getFirstPropertyValue('method')).toBe('CANCEL');
    const cancelled = new ICAL.Event(cancel.getFirstSubcomponent('vevent')!);
    expect(cancelled.uid).toBe(meetingUid(meeting.id));
    expect(cancelled.sequence).toBe(2);
    expect(cancel.getFirstSubcomponent('vevent')!.getFirstPropertyValue('status')).toBe('CANCELLED');
  });
});

describe('during the meeting', () => {
  it('announces every note on the space stream and publishes decisions to the activity record', async () => {
    const seeded = await seedSpace();
    const meeting = await scheduleReview(seeded);
    const note = await addMeetingNote(userActor(seeded.observer), meeting.id, { body: '建议补充竞品分析' });
    const decision = await addMeetingNote(userActor(seeded.owner), meeting.id, { body: '需求文档评审通过，按 V2 版本执行', isDecision: 'true' });
    expect(decision.isDecision).toBe(true);
    const events = await database.handle.db.select().from(spaceEvents).where(eq(spaceEvents.spaceId, seeded.space.id));
    expect(events.filter((e) => e.type === 'meeting.changed' && (e.data as { meetingId: string }).meetingId === meeting.id).length).toBeGreaterThanOrEqual(3);
    await markMeetingNoteDecision(userActor(seeded.participant), note.id, 'true');
    const decisions = await database.handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'meeting.decision'));
    expect(decisions.filter((d) => d.spaceId === seeded.space.id).map((d) => (d.data as { text: string }).text).sort())
      .toEqual(['建议补充竞品分析', '需求文档评审通过，按 V2 版本执行'].sort());
    // Someone else's note is not the observer's to remove; the organiser keeps the minutes and may.
    expect((await rejection(deleteMeetingNote(userActor(seeded.observer), decision.id))).status).toBe(403);
    await deleteMeetingNote(userActor(seeded.participant), decision.id);
    const view = await getMeeting(userActor(seeded.owner), meeting.id);
    expect(view.notes.map((n) => [n.body, n.authorName, n.isDecision])).toEqual([['建议补充竞品分析', '观察者', true]]);
  });

  it('refuses an empty or oversized note', async () => {
    const seeded = await seedSpace();
    const meeting = await scheduleReview(seeded);
    expect((await rejection(addMeetingNote(userActor(seeded.owner), meeting.id, { body: '  ' }))).fieldErrors).toEqual({ body: ['required'] });
    expect((await rejection(addMeetingNote(userActor(seeded.owner), meeting.id, { body: '长'.repeat(2001) }))).fieldErrors).toEqual({ body: ['tooLong'] });
  });

  it('runs one agenda timer at a time', async () => {
    const seeded = await seedSpace();
    const meeting = await scheduleReview(seeded);
    const [first, second] = (await getMeeting(userActor(seeded.owner), meeting.id)).agenda;
    await runAgendaItem(userActor(seeded.owner), meeting.id, first!.id, 'start');
    await runAgendaItem(userActor(seeded.owner), meeting.id, second!.id, 'start');
    const agenda = (await getMeeting(userActor(seeded.owner), meeting.id)).agenda;
    expect(agenda[0]).toMatchObject({ startedAt: expect.any(Date), endedAt: expect.any(Date) });
    expect(agenda[1]).toMatchObject({ startedAt: expect.any(Date), endedAt: null });
    expect((await rejection(runAgendaItem(userActor(seeded.observer), meeting.id, first!.id, 'start'))).status).toBe(403);
  });

  it('saves sanitised minutes and absentees; refuses a script link and absentees who were not invited', async () => {
    const seeded = await seedSpace();
    const meeting = await scheduleReview(seeded);
    await saveMinutes(userActor(seeded.owner), meeting.id, { minutes: '<script>alert(1)</script>结论：按期上线', nextMeeting: '下周四 10:00', absentIds: [seeded.observer.id] });
    const view = await getMeeting(userActor(seeded.owner), meeting.id);
    expect(JSON.stringify(view.meeting.minutes)).toContain('<script>alert(1)</script>结论');
    expect(view.meeting.minutes).toMatchObject({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text' }] }] });
    expect(view.attendees.filter((a) => a.absent).map((a) => a.id)).toEqual([seeded.observer.id]);
    const link = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] };
    expect((await rejection(saveMinutes(userActor(seeded.owner), meeting.id, { minutes: link }))).fieldErrors).toEqual({ minutes: ['richTextInvalid'] });
    expect((await rejection(saveMinutes(userActor(seeded.owner), meeting.id, { absentIds: [seeded.admin.id] }))).fieldErrors).toEqual({ absentIds: ['absentNotAttendee'] });
  });

  it('makes the minutes read-only once the space is archived', async () => {
    const seeded = await seedSpace();
    const meeting = await scheduleReview(seeded);
    await archiveSpace(userActor(seeded.admin), seeded.space.id);
    const error = await rejection(saveMinutes(userActor(seeded.participant), meeting.id, { minutes: '补充' }));
    expect(error).toMatchObject({ status: 403, messageKey: 'spaceArchived' });
    expect((await rejection(addMeetingNote(userActor(seeded.owner), meeting.id, { body: '补充' }))).messageKey).toBe('spaceArchived');
    expect((await getMeeting(userActor(seeded.observer), meeting.id)).rights).toMatchObject({ note: false, record: false, edit: false });
  });
});

describe('action items', () => {
  it('needs an owner who is a member', async () => {
    const seeded = await seedSpace();
    const meeting = await scheduleReview(seeded);
    const none = await rejection(addActionItem(userActor(seeded.owner), meeting.id, { title: '整理纪要', dueDate: '2026-12-10' }));
    expect(none.fieldErrors).toEqual({ ownerId: ['ownerRequired'] });
    const stranger = await rejection(addActionItem(userActor(seeded.owner), meeting.id, { title: '整理纪要', ownerId: seeded.outsider.id, dueDate: '2026-12-10' }));
    expect(stranger.fieldErrors).toEqual({ ownerId: ['ownerNotMember'] });
  });

  it('sync to tasks once, link back, and show the task as the action item afterwards', async () => {
    const seeded = await seedSpace();
    const meeting = await scheduleReview(seeded);
    const owner = userActor(seeded.owner);
    const items = [];
    for (const [title, who] of [['补充竞品分析', seeded.participant], ['更新排期', seeded.owner], ['确认预算', seeded.admin]] as const) {
      items.push(await addActionItem(owner, meeting.id, { title, ownerId: who.id, helperIds: [seeded.observer.id], dueDate: '2026-12-15', priority: 'high' }));
    }
    expect(await syncActionItems(owner, meeting.id)).toBe(3);
    expect(await syncActionItems(userActor(seeded.participant), meeting.id)).toBe(0);
    const view = await getMeeting(owner, meeting.id);
    expect(view.actionItems.map((a) => [a.title, a.ownerId, a.task?.status])).toEqual([
      ['补充竞品分析', seeded.participant.id, 'todo'], ['更新排期', seeded.owner.id, 'todo'], ['确认预算', seeded.admin.id, 'todo'],
    ]);
    expect(view.actionItems[0]!.helpers.map((h) => h.id)).toEqual([seeded.observer.id]);
    const board = await getBoard(owner, seeded.space.id, lenientTaskFilters({}), '2026-12-02');
    expect(JSON.stringify(board)).toContain('补充竞品分析');
    const taskId = view.actionItems[0]!.task!.id;
    expect(await meetingOfTask(taskId)).toEqual({ id: meeting.id, topic: '需求评审会' });

    // Editing the action item edits the task, not a copy; finishing the task shows on the minutes.
    await updateActionItem(owner, items[0]!.id, { title: '补充竞品分析（含价格）', dueDate: '2026-12-18' });
    const [task] = await database.handle.db.select().from(tasks).where(eq(tasks.id, taskId));
    expect(task).toMatchObject({ name: '补充竞品分析（含价格）', dueDate: '2026-12-18' });
    await updateTask(userActor(seeded.participant), taskId, { status: 'done' });
    const after = await getMeeting(owner, meeting.id);
    expect(after.actionItems[0]).toMatchObject({ title: '补充竞品分析（含价格）', dueDate: '2026-12-18', task: { status: 'done' } });

    // Removing an item from the minutes keeps its task.
    await deleteActionItem(owner, items[1]!.id);
    expect((await getMeeting(owner, meeting.id)).actionItems).toHaveLength(2);
    expect(await database.handle.db.select().from(tasks).where(eq(tasks.spaceId, seeded.space.id))).toHaveLength(3);
  });

  it('edits an item\'s owner, helpers and due date; once synced the task changes, and refusals name the item\'s fields', async () => {
    const seeded = await seedSpace();
    const meeting = await scheduleReview(seeded);
    const owner = userActor(seeded.owner);
    const item = await addActionItem(owner, meeting.id, { title: '整理纪要', ownerId: seeded.owner.id, dueDate: '2026-12-10' });
    await updateActionItem(owner, item.id, { ownerId: seeded.participant.id, helperIds: [seeded.observer.id, seeded.participant.id], dueDate: '2026-12-12', priority: 'high' });
    expect((await getMeeting(owner, meeting.id)).actionItems[0]).toMatchObject({
      ownerId: seeded.participant.id, helpers: [{ id: seeded.observer.id, name: '观察者' }], dueDate: '2026-12-12', priority: 'high', task: null,
    });

    await syncActionItems(owner, meeting.id);
    await updateActionItem(owner, item.id, { ownerId: seeded.admin.id, helperIds: [seeded.owner.id], dueDate: '2026-12-20' });
    const [task] = await database.handle.db.select().from(tasks).where(eq(tasks.spaceId, seeded.space.id));
    expect(task).toMatchObject({ name: '整理纪要', assigneeId: seeded.admin.id, dueDate: '2026-12-20', priority: 'high' });
    expect((await database.handle.db.select().from(taskHelpers).where(eq(taskHelpers.taskId, task!.id))).map((h) => h.userId)).toEqual([seeded.owner.id]);
    expect((await getMeeting(owner, meeting.id)).actionItems[0]).toMatchObject({ ownerId: seeded.admin.id, helpers: [{ id: seeded.owner.id }], dueDate: '2026-12-20' });

    const stranger = await rejection(updateActionItem(owner, item.id, { ownerId: seeded.outsider.id }));
    expect(Object.keys(stranger.fieldErrors)).toEqual(['ownerId']);
    const bad = await rejection(updateActionItem(owner, item.id, { title: '', dueDate: 'soon' }));
    expect(bad.fieldErrors).toEqual({ title: ['required'], dueDate: ['dateInvalid'] });
    expect((await rejection(updateActionItem(userActor(seeded.observer), item.id, { dueDate: '2026-12-30' }))).status).toBe(403);
  });

  it('an observer cannot add or sync action items', async () => {
    const seeded = await seedSpace();
    const meeting = await scheduleReview(seeded);
    expect((await rejection(addActionItem(userActor(seeded.observer), meeting.id, { title: 'x', ownerId: seeded.owner.id, dueDate: '2026-12-10' }))).status).toBe(403);
    expect((await rejection(syncActionItems(userActor(seeded.observer), meeting.id))).status).toBe(403);
  });
});

describe('attachments', () => {
  it('lets an attendee who may edit the meeting attach a library file, shown with the meeting and announced, and take it off', async () => {
    const seeded = await seedSpace();
    const meeting = await scheduleReview(seeded);
    const file = await libraryFile(seeded);
    const before = await meetingChanges(seeded.space.id, meeting.id);
    // The owner attends and, as a lead of the space, may edit any meeting.
    await attachFile(userActor(seeded.owner), file.id, { targetType: 'meeting', targetId: meeting.id });
    await attachFile(userActor(seeded.owner), file.id, { targetType: 'meeting', targetId: meeting.id });
    const attached = await attachmentsOf(userActor(seeded.observer), seeded.space.id, 'meeting', meeting.id);
    expect(attached.map((a) => a.file.name)).toEqual(['议程材料.txt']);
    expect(await meetingChanges(seeded.space.id, meeting.id)).toBe(before + 2);
    await detachFile(userActor(seeded.participant), attached[0]!.id);
    expect(await attachmentsOf(userActor(seeded.owner), seeded.space.id, 'meeting', meeting.id)).toEqual([]);
  });

  it('refuses an observer and an attendee who may only keep the minutes', async () => {
    const seeded = await seedSpace();
    const meeting = await createMeeting(userActor(seeded.owner), seeded.space.id, {
      topic: '周会', startsAt: '2026-12-03T10:00', endsAt: '2026-12-03T11:00', attendeeIds: [seeded.participant.id, seeded.observer.id],
    });
    const file = await libraryFile(seeded);
    const attach = (who: typeof seeded.owner) => attachFile(userActor(who), file.id, { targetType: 'meeting', targetId: meeting.id });
    expect((await rejection(attach(seeded.observer))).status).toBe(403);
    expect(await rejection(attach(seeded.participant))).toMatchObject({ status: 403, messageKey: 'meetingNotOrganizer' });
    await attach(seeded.owner);
    const [attachment] = await attachmentsOf(userActor(seeded.owner), seeded.space.id, 'meeting', meeting.id);
    expect((await rejection(detachFile(userActor(seeded.participant), attachment!.id))).status).toBe(403);
  });

  it('refuses a file of another space, even to someone in both', async () => {
    const seeded = await seedSpace();
    const other = await seedSpace();
    await addSpaceMembers(systemActor, other.space.id, { userIds: [seeded.owner.id], role: 'owner' });
    const meeting = await scheduleReview(seeded);
    const foreign = await libraryFile(other, '别处的文件.txt');
    const error = await rejection(attachFile(userActor(seeded.owner), foreign.id, { targetType: 'meeting', targetId: meeting.id }));
    expect(error.fieldErrors).toEqual({ targetId: ['attachmentTargetUnknown'] });
    // Someone who cannot see that space learns nothing of its file.
    expect((await rejection(attachFile(userActor(seeded.participant), foreign.id, { targetType: 'meeting', targetId: meeting.id }))).status).toBe(404);
    expect(await attachmentsOf(userActor(seeded.owner), seeded.space.id, 'meeting', meeting.id)).toEqual([]);
  });

  it('keeps the attachments as they are once the space is archived', async () => {
    const seeded = await seedSpace();
    const meeting = await scheduleReview(seeded);
    const [kept, late] = [await libraryFile(seeded), await libraryFile(seeded, '补充材料.txt')];
    await attachFile(userActor(seeded.participant), kept.id, { targetType: 'meeting', targetId: meeting.id });
    await archiveSpace(userActor(seeded.admin), seeded.space.id);
    expect(await rejection(attachFile(userActor(seeded.participant), late.id, { targetType: 'meeting', targetId: meeting.id }))).toMatchObject({ status: 403, messageKey: 'spaceArchived' });
    const [attachment] = await attachmentsOf(userActor(seeded.observer), seeded.space.id, 'meeting', meeting.id);
    expect(await rejection(detachFile(userActor(seeded.participant), attachment!.id))).toMatchObject({ status: 403, messageKey: 'spaceArchived' });
  });
});

describe('the meeting list', () => {
  it('finds meetings by part of the topic and by attendee, upcoming soonest first', async () => {
    const seeded = await seedSpace();
    await scheduleReview(seeded);
    await scheduleReview(seeded, { topic: '发布会筹备周会', startsAt: '2026-12-10T09:00', endsAt: '2026-12-10T09:30', attendeeIds: [] });
    await scheduleReview(seeded, { topic: '上月复盘', startsAt: '2026-11-01T09:00', endsAt: '2026-11-01T10:00' });
    const now = new Date('2026-12-02T00:00:00Z');
    const actor = userActor(seeded.observer);
    expect((await listMeetings(actor, seeded.space.id, { q: '筹备' }, now)).rows.map((r) => r.topic)).toEqual(['发布会筹备周会']);
    expect((await listMeetings(actor, seeded.space.id, { when: 'upcoming' }, now)).rows.map((r) => r.topic)).toEqual(['需求评审会', '发布会筹备周会']);
    expect((await listMeetings(actor, seeded.space.id, { when: 'past' }, now)).rows.map((r) => r.topic)).toEqual(['上月复盘']);
    expect((await listMeetings(actor, seeded.space.id, { attendeeId: seeded.observer.id }, now)).rows.map((r) => r.topic).sort()).toEqual(['上月复盘', '需求评审会'].sort());
    expect((await listMeetings(actor, seeded.space.id, { q: '%' }, now)).rows).toHaveLength(0);
    expect((await rejection(listMeetings(userActor(seeded.outsider), seeded.space.id))).status).toBe(404);
  });
});
