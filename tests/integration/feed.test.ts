import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { feedEvents, notifications } from '@/db/schema';
import { userActor } from '@/lib/auth/actor';
import { acknowledgeAnnouncement, announcementReaders, deleteAnnouncement, listAnnouncements, pinAnnouncement, postAnnouncement } from '@/lib/feed/announcements';
import { feedLineText } from '@/lib/feed/lines';
import { listFeed } from '@/lib/feed/queries';
import { FEED_PAGE_SIZE } from '@/lib/feed/rules';
import { addMeetingNote } from '@/lib/meetings/notes';
import { createMeeting } from '@/lib/meetings/service';
import { archiveSpace } from '@/lib/spaces/service';
import { raiseTaskIssue } from '@/lib/tasks/issues';
import { updateTask } from '@/lib/tasks/service';
import { setupTestDatabase } from './support/database';
import { seedSpace, seedTask } from './support/factories';
import { rejection } from './support/rejection';

const database = setupTestDatabase();


const kinds = (items: { kind: string }[]) => items.map((item) => item.kind);

describe('the space feed', () => {
  it('tells of the changes that matter, newest first, and leaves ordinary edits to the audit log', async () => {
    const seeded = await seedSpace();
    const task = await seedTask(seeded, { name: '撰写发布会新闻稿' });
    await updateTask(userActor(seeded.participant), task.id, { name: '撰写发布会新闻稿（终稿）', dueDate: '2026-12-22' });
    await raiseTaskIssue(userActor(seeded.participant), task.id, { reason: '等待法务审核', proposedSolution: '周三前催办' });
    await updateTask(userActor(seeded.participant), task.id, { status: 'done', resolution: '法务已通过' });
    const meeting = await createMeeting(userActor(seeded.owner), seeded.space.id, { topic: '发布会筹备会', startsAt: '2026-12-10T10:00' });
    await addMeetingNote(userActor(seeded.owner), meeting.id, { body: '发布会定在 12 月 18 日', isDecision: 'true' });

    const { items } = await listFeed(userActor(seeded.observer), seeded.space.id);
    expect(kinds(items)).toEqual(['meeting.decision', 'meeting.scheduled', 'task.completed', 'task.blocked', 'task.created', 'member.joined', 'member.joined', 'member.joined']);
    const completed = items[2]!;
    expect(completed.actor?.name).toBe('参与者');
    expect(feedLineText(completed, '系统')).toEqual({ key: 'task_completed', values: { actor: '参与者', number: task.number, name: '撰写发布会新闻稿（终稿）' } });
    expect(feedLineText(items[0]!, '系统').values).toMatchObject({ topic: '发布会筹备会', text: '发布会定在 12 月 18 日' });
    // Members added by the system (the seed) read as the system adding them, with their names.
    expect(feedLineText(items[5]!, '系统').values).toMatchObject({ actor: '系统', people: '观察者' });
  });

  it('filters by kind group and by who acted, and pages by cursor without gaps or repeats', async () => {
    const seeded = await seedSpace();
    for (let i = 0; i < FEED_PAGE_SIZE + 5; i += 1) await seedTask(seeded, { name: `任务 ${i}` });
    await createMeeting(userActor(seeded.participant), seeded.space.id, { topic: '周会', startsAt: '2026-12-10T10:00' });

    const viewer = userActor(seeded.observer);
    const meetings = await listFeed(viewer, seeded.space.id, { group: 'meetings' });
    expect(kinds(meetings.items)).toEqual(['meeting.scheduled']);
    const byParticipant = await listFeed(viewer, seeded.space.id, { actorId: seeded.participant.id });
    expect(kinds(byParticipant.items)).toEqual(['meeting.scheduled']);

    const first = await listFeed(viewer, seeded.space.id, { group: 'tasks' });
    expect(first.items).toHaveLength(FEED_PAGE_SIZE);
    expect(first.next).not.toBeNull();
    const second = await listFeed(viewer, seeded.space.id, { group: 'tasks', before: first.next! });
    expect(second.next).toBeNull();
    const names = [...first.items, ...second.items].map((item) => item.data.name);
    expect(new Set(names).size).toBe(FEED_PAGE_SIZE + 5);
    expect(names[0]).toBe(`任务 ${FEED_PAGE_SIZE + 4}`);
    expect(names.at(-1)).toBe('任务 0');
  });

  it('is for members only, stays readable once archived, and refuses malformed filters', async () => {
    const seeded = await seedSpace();
    expect((await rejection(listFeed(userActor(seeded.outsider), seeded.space.id))).status).toBe(404);
    const bad = await rejection(listFeed(userActor(seeded.owner), seeded.space.id, { group: 'chat', actorId: 'me', before: 'yesterday' }));
    expect(bad.fieldErrors).toEqual({ group: ['invalid'], actorId: ['userUnknown'], before: ['invalid'] });
    await archiveSpace(userActor(seeded.admin), seeded.space.id);
    expect((await listFeed(userActor(seeded.observer), seeded.space.id)).items.length).toBeGreaterThan(0);
  });
});

describe('announcements', () => {
  it('are posted by leads, notify every other member, and show who has acknowledged', async () => {
    const seeded = await seedSpace();
    const refused = await rejection(postAnnouncement(userActor(seeded.participant), seeded.space.id, { title: '决议', body: '按 V2 执行' }));
    expect(refused.status).toBe(403);
    const invalid = await rejection(postAnnouncement(userActor(seeded.owner), seeded.space.id, { title: ' ', body: 'x'.repeat(5001) }));
    expect(invalid.fieldErrors).toEqual({ title: ['required'], body: ['tooLong'] });

    const announcement = await postAnnouncement(userActor(seeded.owner), seeded.space.id, { title: '发布会改期至 12 月 18 日', body: '**请各部门**据此调整计划', pinned: true });
    const sent = await database.handle.db.select({ userId: notifications.userId, kind: notifications.kind, important: notifications.important })
      .from(notifications).where(eq(notifications.spaceId, seeded.space.id));
    expect(sent.map((n) => n.userId).sort()).toEqual([seeded.admin.id, seeded.participant.id, seeded.observer.id].sort());
    expect(sent.every((n) => n.kind === 'announcement.posted' && n.important)).toBe(true);

    await acknowledgeAnnouncement(userActor(seeded.observer), announcement.id);
    await acknowledgeAnnouncement(userActor(seeded.observer), announcement.id);
    const readers = await announcementReaders(userActor(seeded.admin), announcement.id);
    expect(readers.acknowledged.map((p) => p.id)).toEqual([seeded.observer.id]);
    expect(readers.pending.map((p) => p.id).sort()).toEqual([seeded.admin.id, seeded.participant.id].sort());
    // Only leads and the author follow up on who has read it.
    expect((await rejection(announcementReaders(userActor(seeded.participant), announcement.id))).status).toBe(404);

    const rows = await listAnnouncements(userActor(seeded.observer), seeded.space.id);
    expect(rows[0]).toMatchObject({ id: announcement.id, ackCount: 1, audience: 3, acknowledgedByMe: true });
    const feed = await listFeed(userActor(seeded.observer), seeded.space.id, { group: 'announcements' });
    expect(feed.items[0]?.data).toEqual({ title: '发布会改期至 12 月 18 日' });
  });

  it('keeps at most three pinned, and takes nothing new in an archived space', async () => {
    const seeded = await seedSpace();
    const owner = userActor(seeded.owner);
    const posted = [];
    for (const title of ['一', '二', '三']) posted.push(await postAnnouncement(owner, seeded.space.id, { title, body: '内容', pinned: true }));
    const fourth = await rejection(postAnnouncement(owner, seeded.space.id, { title: '四', body: '内容', pinned: true }));
    expect(fourth.fieldErrors).toEqual({ pinned: ['announcementPinLimit'] });
    await pinAnnouncement(owner, posted[0]!.id, { pinned: false });
    const unpinned = await postAnnouncement(owner, seeded.space.id, { title: '四', body: '内容', pinned: true });
    const order = (await listAnnouncements(userActor(seeded.observer), seeded.space.id)).map((row) => row.title);
    expect(order).toEqual(['四', '三', '二', '一']);
    await deleteAnnouncement(owner, unpinned.id);

    await archiveSpace(userActor(seeded.admin), seeded.space.id);
    expect((await rejection(acknowledgeAnnouncement(userActor(seeded.observer), posted[1]!.id))).status).toBe(403);
    expect((await rejection(postAnnouncement(owner, seeded.space.id, { title: '五', body: '内容' }))).status).toBe(403);
    const lines = await database.handle.db.select().from(feedEvents).where(eq(feedEvents.spaceId, seeded.space.id));
    expect(lines.filter((line) => line.kind === 'announcement.posted')).toHaveLength(4);
  });
});
