import { and, eq } from 'drizzle-orm';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { commentAwaits, notifications } from '@/db/schema';
import { MessageBody } from '@/components/chat/message-body';
import { systemActor, userActor } from '@/lib/auth/actor';
import { mentionMarkup } from '@/lib/chat/markdown';
import { awaitingResponsesFor, flagOverdueComments } from '@/lib/comments/overdue';
import { listComments, listMyAwaiting, listSpaceAwaiting } from '@/lib/comments/queries';
import { COMMENT_BODY_MAX } from '@/lib/comments/rules';
import { addComment, deleteComment, editComment, markHandled } from '@/lib/comments/service';
import { updateCommentSettings } from '@/lib/comments/settings';
import { attachFile } from '@/lib/files/attachments';
import { deleteFile } from '@/lib/files/manage';
import { uploadFile } from '@/lib/files/upload';
import { archiveSpace } from '@/lib/spaces/service';
import { setupTestDatabase } from './support/database';
import { seedSpace, seedTask } from './support/factories';
import { rejection } from './support/rejection';

vi.mock('next/headers', () => ({
  cookies: async () => ({ has: () => false, get: () => undefined }),
  headers: async () => new Headers(),
}));

setupTestDatabase();

type Seeded = Awaited<ReturnType<typeof seedSpace>>;
const HOUR = 3_600_000;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
// A Thursday morning in Shanghai, so working hours count from the start.
const T0 = new Date('2026-12-03T09:00:00+08:00');

async function awaitsOf(commentId: string) {
  const db = await getDb();
  return db.select().from(commentAwaits).where(eq(commentAwaits.commentId, commentId));
}

async function notificationsOf(userId: string, kind: string) {
  const db = await getDb();
  return db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, kind as 'comment.overdue')));
}

async function libraryFile(seeded: Seeded, name = '方案.txt') {
  const body = new Blob([new TextEncoder().encode('方案内容')]).stream();
  return (await uploadFile(userActor(seeded.participant), seeded.space.id, { name }, body)).file;
}

const onTask = (taskId: string, body: string, extra: Record<string, string> = {}) => ({ targetType: 'task' as const, targetId: taskId, body, ...extra });

describe('comments that wait for an answer', () => {
  it('waits for each mentioned member and for the task’s assignee, and tells them', async () => {
    const seeded = await seedSpace();
    const task = await seedTask(seeded, { name: '确认包装设计' });
    const comment = await addComment(userActor(seeded.owner), onTask(task.id, `请 ${mentionMarkup(seeded.observer.id)} 也看看`), T0);

    const waits = await awaitsOf(comment.id);
    expect(waits.map((w) => w.userId).sort()).toEqual([seeded.participant.id, seeded.observer.id].sort());
    expect(waits[0]!.dueAt).toEqual(at(T0, 24 * HOUR));
    const [mentioned] = await notificationsOf(seeded.observer.id, 'comment.mentioned');
    expect(mentioned).toMatchObject({ data: { target: '确认包装设计', hours: 24 }, href: `/spaces/${seeded.space.id}/tasks/${task.id}#comment-${comment.id}` });
    expect(await notificationsOf(seeded.participant.id, 'comment.mentioned')).toHaveLength(1);

    // The assignee commenting on their own task asks nobody.
    const own = await addComment(userActor(seeded.participant), onTask(task.id, '我来跟进'), at(T0, HOUR));
    expect(await awaitsOf(own.id)).toEqual([]);
  });

  it('stops waiting when the person replies in the thread, or comments later on the same target', async () => {
    const seeded = await seedSpace();
    const task = await seedTask(seeded);
    const question = await addComment(userActor(seeded.owner), onTask(task.id, `${mentionMarkup(seeded.observer.id)} 这个日期可以吗？`), T0);
    await addComment(userActor(seeded.participant), onTask(task.id, '可以', { parentId: question.id }), at(T0, HOUR));
    await addComment(userActor(seeded.observer), onTask(task.id, '我另起一条：没问题'), at(T0, 2 * HOUR));

    const waits = await awaitsOf(question.id);
    expect(waits.every((w) => w.resolution === 'replied' && w.resolvedAt !== null)).toBe(true);
    expect(await listMyAwaiting(userActor(seeded.observer), at(T0, 3 * HOUR))).toEqual([]);
    // The observer's own new comment asks the assignee in turn.
    expect((await listMyAwaiting(userActor(seeded.participant), at(T0, 3 * HOUR))).map((a) => a.body)).toEqual(['我另起一条：没问题']);
  });

  it('stops waiting when the person marks it handled (处理完毕), once', async () => {
    const seeded = await seedSpace();
    const task = await seedTask(seeded);
    const comment = await addComment(userActor(seeded.owner), onTask(task.id, '交付物放到共享盘了'), T0);
    expect((await listMyAwaiting(userActor(seeded.participant), T0)).map((a) => a.commentId)).toEqual([comment.id]);

    await markHandled(userActor(seeded.participant), comment.id, at(T0, HOUR));
    await markHandled(userActor(seeded.participant), comment.id, at(T0, 2 * HOUR));
    const [wait] = await awaitsOf(comment.id);
    expect(wait).toMatchObject({ resolution: 'handled', resolvedAt: at(T0, HOUR) });
    expect(await rejection(markHandled(userActor(seeded.observer), comment.id))).toMatchObject({ status: 403, messageKey: 'commentNotAwaited' });
  });

  it('turns an unanswered mention overdue after 24 hours and reminds the person exactly once', async () => {
    const seeded = await seedSpace();
    const task = await seedTask(seeded, { name: '报价单' });
    const comment = await addComment(userActor(seeded.owner), onTask(task.id, `${mentionMarkup(seeded.observer.id)} 请确认报价`, { parentId: '' }), T0);
    await markHandled(userActor(seeded.participant), comment.id, T0);

    await flagOverdueComments(at(T0, 23 * HOUR + 59 * 60_000));
    expect(await notificationsOf(seeded.observer.id, 'comment.overdue')).toEqual([]);

    const later = at(T0, 24 * HOUR + 60_000);
    expect(await flagOverdueComments(later)).toBeGreaterThanOrEqual(1);
    const [reminder] = await notificationsOf(seeded.observer.id, 'comment.overdue');
    expect(reminder).toMatchObject({ data: { target: '报价单', hours: 24 }, actorId: seeded.owner.id, href: expect.stringContaining(`#comment-${comment.id}`) });
    // The one who marked it handled is never reminded.
    expect(await notificationsOf(seeded.participant.id, 'comment.overdue')).toEqual([]);

    await Promise.all([flagOverdueComments(at(later, HOUR)), flagOverdueComments(at(later, HOUR))]);
    expect(await notificationsOf(seeded.observer.id, 'comment.overdue')).toHaveLength(1);

    const [item] = await listMyAwaiting(userActor(seeded.observer), later);
    expect(item).toMatchObject({ commentId: comment.id, overdue: true, targetName: '报价单', authorName: '负责人' });
  });

  it('counts working hours when the space asks for it', async () => {
    const seeded = await seedSpace();
    await updateCommentSettings(userActor(seeded.admin), seeded.space.id, { responseHours: 2, workingHoursOnly: true });
    const task = await seedTask(seeded);
    const fridayFive = new Date('2026-12-04T17:00:00+08:00');
    const comment = await addComment(userActor(seeded.owner), onTask(task.id, '周一上班前看一下'), fridayFive);
    const [wait] = await awaitsOf(comment.id);
    expect(wait!.dueAt).toEqual(new Date('2026-12-07T10:00:00+08:00'));

    await flagOverdueComments(new Date('2026-12-06T23:00:00+08:00'));
    expect(await notificationsOf(seeded.participant.id, 'comment.overdue')).toEqual([]);
    await flagOverdueComments(new Date('2026-12-07T10:01:00+08:00'));
    expect(await notificationsOf(seeded.participant.id, 'comment.overdue')).toHaveLength(1);
  });

  it('gives the digest what waits for each person, overdue first, at most 20 each', async () => {
    const seeded = await seedSpace();
    const task = await seedTask(seeded, { name: '物料清单' });
    for (let i = 0; i < 22; i += 1) await addComment(userActor(seeded.owner), onTask(task.id, `问题 ${i}`), at(T0, i * HOUR));
    const now = at(T0, 30 * HOUR);
    const db = await getDb();
    const map = await awaitingResponsesFor(db, seeded.space.id, [seeded.participant.id, seeded.observer.id], now);
    const mine = map.get(seeded.participant.id)!;
    expect(mine).toHaveLength(20);
    expect(mine[0]).toMatchObject({ targetType: 'task', targetId: task.id, targetName: '物料清单', authorName: '负责人', overdue: true });
    expect(mine.map((a) => a.overdue)).toEqual([...Array(6).fill(true), ...Array(14).fill(false)]);
    expect(map.has(seeded.observer.id)).toBe(false);
    // Space admins see who is waited on.
    expect((await listSpaceAwaiting(userActor(seeded.admin), seeded.space.id, now))[0]).toMatchObject({ userName: '参与者', overdue: true });
    expect((await rejection(listSpaceAwaiting(userActor(seeded.participant), seeded.space.id, now))).status).toBe(403);
  });
});

describe('editing and deleting comments', () => {
  it('lets only the author edit, and re-reads the mentions', async () => {
    const seeded = await seedSpace();
    const task = await seedTask(seeded);
    const comment = await addComment(userActor(seeded.owner), onTask(task.id, `${mentionMarkup(seeded.observer.id)} 请看`), T0);
    expect((await rejection(editComment(userActor(seeded.admin), comment.id, { body: '改掉' }))).messageKey).toBe('commentNotAuthor');

    const edited = await editComment(userActor(seeded.owner), comment.id, { body: `${mentionMarkup(seeded.admin.id)} 请看` }, at(T0, HOUR));
    expect(edited.editedAt).toEqual(at(T0, HOUR));
    const waits = await awaitsOf(comment.id);
    // The observer is no longer asked; the admin is, from the edit; the assignee still is.
    expect(waits.map((w) => w.userId).sort()).toEqual([seeded.admin.id, seeded.participant.id].sort());
    expect(waits.find((w) => w.userId === seeded.admin.id)!.dueAt).toEqual(at(T0, 25 * HOUR));
  });

  it('lets the author or the space’s leads delete, and shows the comment as deleted', async () => {
    const seeded = await seedSpace();
    const task = await seedTask(seeded);
    const first = await addComment(userActor(seeded.observer), onTask(task.id, '第一条'), T0);
    await addComment(userActor(seeded.owner), onTask(task.id, '回复', { parentId: first.id }), at(T0, 1000));
    expect((await rejection(deleteComment(userActor(seeded.participant), first.id))).status).toBe(403);
    await deleteComment(userActor(seeded.owner), first.id);

    const listing = await listComments(userActor(seeded.observer), { targetType: 'task', targetId: task.id }, at(T0, HOUR));
    expect(listing.threads).toHaveLength(1);
    expect(listing.threads[0]).toMatchObject({ body: '', deletedAt: expect.any(Date), replies: [{ body: '回复' }] });
    expect(await awaitsOf(first.id)).toEqual([]);
    expect((await rejection(editComment(userActor(seeded.observer), first.id, { body: '再改' }))).status).toBe(404);
  });
});

describe('who may comment', () => {
  it('lets observers comment, hides the target from outsiders, and refuses an archived space', async () => {
    const seeded = await seedSpace();
    const task = await seedTask(seeded);
    await addComment(userActor(seeded.observer), onTask(task.id, '观察者也能评论'));
    expect((await rejection(addComment(userActor(seeded.outsider), onTask(task.id, '局外人')))).status).toBe(404);
    expect((await rejection(listComments(userActor(seeded.outsider), { targetType: 'task', targetId: task.id }, T0))).status).toBe(404);
    await archiveSpace(systemActor, seeded.space.id);
    expect(await rejection(addComment(userActor(seeded.observer), onTask(task.id, '归档后')))).toMatchObject({ status: 403, messageKey: 'spaceArchived' });
  });

  it('comments on files, not on files in the recycle bin', async () => {
    const seeded = await seedSpace();
    const file = await libraryFile(seeded);
    const comment = await addComment(userActor(seeded.owner), { targetType: 'file', targetId: file.id, body: `${mentionMarkup(seeded.participant.id)} 第 3 页有误` }, T0);
    expect((await awaitsOf(comment.id)).map((w) => w.userId)).toEqual([seeded.participant.id]);
    await deleteFile(userActor(seeded.admin), file.id);
    expect((await rejection(addComment(userActor(seeded.owner), { targetType: 'file', targetId: file.id, body: '还在吗' }))).status).toBe(404);
  });
});

describe('bad input', () => {
  it('refuses empty and oversized bodies, mentions of non-members and bad parents with field errors', async () => {
    const seeded = await seedSpace();
    const task = await seedTask(seeded);
    const actor = userActor(seeded.owner);
    expect((await rejection(addComment(actor, onTask(task.id, '   ')))).fieldErrors).toEqual({ body: ['commentRequired'] });
    expect((await rejection(addComment(actor, onTask(task.id, '长'.repeat(COMMENT_BODY_MAX + 1))))).fieldErrors).toEqual({ body: ['commentTooLong'] });
    expect((await rejection(addComment(actor, onTask(task.id, `${mentionMarkup(seeded.outsider.id)} 看看`)))).fieldErrors).toEqual({ body: ['commentMentionNotMember'] });
    expect((await rejection(addComment(actor, onTask(task.id, '回复', { parentId: crypto.randomUUID() })))).fieldErrors).toEqual({ parentId: ['commentUnknown'] });
    expect((await rejection(addComment(actor, { targetType: 'meeting' as 'task', targetId: task.id, body: '会议' }))).fieldErrors).toEqual({ targetType: ['commentTargetInvalid'] });
    expect((await rejection(addComment(actor, onTask(crypto.randomUUID(), '不存在')))).status).toBe(404);
    expect((await rejection(addComment(actor, onTask('not-a-uuid', '不存在')))).status).toBe(404);
    expect((await rejection(updateCommentSettings(userActor(seeded.admin), seeded.space.id, { responseHours: 0 }))).fieldErrors).toEqual({ responseHours: ['responseHoursInvalid'] });
    expect((await rejection(updateCommentSettings(actor, seeded.space.id, { responseHours: 12 }))).status).toBe(403);
  });

  it('renders a script in a comment as text', async () => {
    const seeded = await seedSpace();
    const task = await seedTask(seeded);
    const body = '<script>alert(1)</script> <img src=x onerror=alert(1)> [点我](javascript:alert(1))';
    await addComment(userActor(seeded.owner), onTask(task.id, body));
    const { threads } = await listComments(userActor(seeded.observer), { targetType: 'task', targetId: task.id }, new Date());
    const html = renderToStaticMarkup(MessageBody({ body: threads[0]!.body, names: {}, meId: seeded.observer.id, everyone: '所有人' }));
    expect(html).not.toMatch(/<script|<img|href="javascript/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('the comments API', () => {
  it('answers with field errors in the caller’s language and lists what awaits the caller', async () => {
    const { call, tokenOf } = await import('./support/api-client');
    const commentsRoute = await import('@/app/api/v1/comments/route');
    const handledRoute = await import('@/app/api/v1/comments/[commentId]/handled/route');
    const awaitingRoute = await import('@/app/api/v1/me/awaiting/route');
    const settingsRoute = await import('@/app/api/v1/spaces/[spaceId]/comment-settings/route');
    const seeded = await seedSpace();
    const task = await seedTask(seeded, { name: 'API 任务' });
    const owner = await tokenOf(seeded.owner);

    const refused = await call(commentsRoute.POST, { token: owner, body: { targetType: 'task', targetId: task.id, body: '' } });
    expect(refused).toMatchObject({ status: 422, body: { error: { code: 'invalid', fields: { body: ['Write a comment'] } } } });
    const created = await call(commentsRoute.POST, { token: owner, body: { targetType: 'task', targetId: task.id, body: '请确认' } });
    expect(created.status).toBe(201);

    const participant = await tokenOf(seeded.participant);
    const awaiting = await call(awaitingRoute.GET, { token: participant });
    expect(awaiting.body.awaiting).toMatchObject([{ commentId: created.body.comment.id, targetName: 'API 任务', overdue: false }]);
    const listed = await call(commentsRoute.GET, { token: participant, query: `?targetType=task&targetId=${task.id}` });
    expect(listed.body.comments[0]).toMatchObject({ body: '请确认', awaiting: [{ userId: seeded.participant.id }] });
    expect((await call(handledRoute.POST, { token: participant, params: { commentId: created.body.comment.id }, method: 'POST' })).status).toBe(204);
    expect((await call(awaitingRoute.GET, { token: participant })).body.awaiting).toEqual([]);

    const admin = await tokenOf(seeded.admin);
    const bad = await call(settingsRoute.PUT, { token: admin, params: { spaceId: seeded.space.id }, body: { responseHours: 500 }, method: 'PUT' });
    expect(bad).toMatchObject({ status: 422, body: { error: { fields: { responseHours: [expect.any(String)] } } } });
    const saved = await call(settingsRoute.PUT, { token: admin, params: { spaceId: seeded.space.id }, body: { responseHours: 8, workingHoursOnly: true }, method: 'PUT' });
    expect(saved.body.settings).toEqual({ responseHours: 8, workingHoursOnly: true, timeZone: 'Asia/Shanghai' });
    expect((await call(settingsRoute.GET, { token: await tokenOf(seeded.outsider), params: { spaceId: seeded.space.id } })).status).toBe(404);
  });
});

describe('attachments on comments', () => {
  it('lets the author attach library files to their own comment, shown with it, and nobody else', async () => {
    const seeded = await seedSpace();
    const task = await seedTask(seeded);
    const file = await libraryFile(seeded, '报价单.txt');
    const comment = await addComment(userActor(seeded.participant), onTask(task.id, '报价单见附件'), T0);
    await attachFile(userActor(seeded.participant), file.id, { targetType: 'comment', targetId: comment.id });
    const refused = await rejection(attachFile(userActor(seeded.owner), file.id, { targetType: 'comment', targetId: comment.id }));
    expect(refused).toMatchObject({ status: 403, messageKey: 'commentNotAuthor' });

    const listing = await listComments(userActor(seeded.observer), { targetType: 'task', targetId: task.id }, T0);
    expect(listing.threads[0]!.attachments.map((a) => a.name)).toEqual(['报价单.txt']);
    // A deleted comment shows none, and takes no new ones.
    await deleteComment(userActor(seeded.participant), comment.id);
    const after = await listComments(userActor(seeded.observer), { targetType: 'task', targetId: task.id }, T0);
    expect(after.threads[0]!.attachments).toEqual([]);
    expect((await rejection(attachFile(userActor(seeded.participant), file.id, { targetType: 'comment', targetId: comment.id }))).status).toBe(403);
  });
});
