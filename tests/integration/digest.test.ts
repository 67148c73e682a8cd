import { spawn } from 'node:child_process';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deliveries, digestRuns, notifications } from '@/db/schema';
import { userActor } from '@/lib/auth/actor';
import { mentionMarkup } from '@/lib/chat/markdown';
import { addComment } from '@/lib/comments/service';
import { runDueDigests } from '@/lib/notify/digest';
import { deliverDue } from '@/lib/notify/outbox';
import { addSpaceWebhook, listSpaceDeliveries, saveDigestSchedule } from '@/lib/notify/space-settings';
import { raiseTaskIssue } from '@/lib/tasks/issues';
import { setupTestDatabase } from './support/database';
import { seedSpace, seedTask } from './support/factories';
import { startSmtpReceiver, startWebhookReceiver } from './support/receivers';
import { rejection } from './support/rejection';

// The mail server's port is chosen before the app's modules read the environment.
const smtpPort = vi.hoisted(() => {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.MAIL_FROM = 'Xiezuo <no-reply@xiezuo.test>';
  return port;
});

const database = setupTestDatabase();
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let robot: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeAll(async () => {
  smtp = await startSmtpReceiver(smtpPort);
  robot = await startWebhookReceiver();
});
afterAll(async () => {
  await Promise.all([smtp.close(), robot.close()]);
  delete process.env.SMTP_URL;
});

// Thursday 2026-12-03 in Shanghai (UTC+8).
const at = (localTime: string) => new Date(`2026-12-03T${localTime}:00+08:00`);

/** A space whose participant has an overdue, a due-today, a blocked and a later task; the owner helps on one. */
async function spaceWithWork() {
  const seeded = await seedSpace();
  const late = await seedTask(seeded, { name: '提交预算表', dueDate: '2026-12-01', helperIds: [seeded.owner.id] });
  await seedTask(seeded, { name: '确认场地', dueDate: '2026-12-03' });
  const stuck = await seedTask(seeded, { name: '嘉宾签证', dueDate: '2026-12-10' });
  await raiseTaskIssue(userActor(seeded.participant), stuck.id, { reason: '使馆预约排队', proposedSolution: '请外办加急' });
  await seedTask(seeded, { name: '彩排', dueDate: '2026-12-15' });
  await seedTask(seeded, { name: '已完成的事', dueDate: '2026-11-20', status: 'done' });
  await saveDigestSchedule(userActor(seeded.admin), seeded.space.id, {
    timeOfDay: '09:00', daysOfWeek: [1, 2, 3, 4, 5], timeZone: 'Asia/Shanghai', audiences: ['assignees', 'helpers'],
  });
  return { ...seeded, late };
}

const digestsOf = (spaceId: string) => database.handle.db.select().from(digestRuns).where(eq(digestRuns.spaceId, spaceId));

describe('the daily digest', () => {
  it('waits for its time and day, then tells each person what is late, due, blocked and coming', async () => {
    const seeded = await spaceWithWork();
    // Yesterday the owner asked the participant something: a comment awaiting their reply, overdue by now.
    await addComment(userActor(seeded.owner), { targetType: 'task', targetId: seeded.late.id, body: `${mentionMarkup(seeded.participant.id)} 预算表今天能交吗？` }, new Date('2026-12-02T08:00:00+08:00'));
    expect(await runDueDigests(at('08:59'))).toEqual({ spaces: 0, notified: 0 });
    // Saturday is not one of its days.
    expect((await runDueDigests(new Date('2026-12-05T10:00:00+08:00'))).spaces).toBe(0);

    const mailsBefore = smtp.mails.length;
    expect(await runDueDigests(at('09:00'))).toEqual({ spaces: 1, notified: 2 });
    const runs = await digestsOf(seeded.space.id);
    const participant = runs.find((r) => r.userId === seeded.participant.id)!;
    expect(participant.summary).toEqual({ overdue: 1, dueToday: 1, blocked: 1, upcoming: 1, awaiting: 1 });
    expect(runs.find((r) => r.userId === seeded.owner.id)?.summary).toEqual({ overdue: 1, dueToday: 0, blocked: 0, upcoming: 0, awaiting: 0 });

    await deliverDue(at('09:00'));
    const mails = smtp.mails.slice(mailsBefore);
    const toParticipant = mails.find((m) => JSON.stringify(m.to).includes(seeded.participant.email))!;
    expect(toParticipant.subject).toContain(`${seeded.space.name} · 每日进度提醒（2026-12-03）`);
    const text = toParticipant.text!;
    // Overdue first, then due today, then blocked with its issue entry.
    expect(text.indexOf('提交预算表')).toBeLessThan(text.indexOf('确认场地'));
    expect(text.indexOf('确认场地')).toBeLessThan(text.indexOf('嘉宾签证'));
    expect(text).toContain('原因：使馆预约排队；解决方案：请外办加急');
    expect(text).not.toContain('已完成的事');
    expect(text).toContain('待你回复的评论（1）');
    expect(text).toContain('「提交预算表」中 负责人 的评论（已逾期）');
    expect(toParticipant.html).toContain('<li>');

    // Later the same day nothing is sent again.
    expect(await runDueDigests(at('17:00'))).toEqual({ spaces: 0, notified: 0 });
    const inApp = await database.handle.db.select().from(notifications).where(eq(notifications.userId, seeded.participant.id));
    expect(inApp.filter((n) => n.kind === 'digest.daily')).toHaveLength(1);
  });

  it('is sent once per person and once to the robot when two processes race for it', async () => {
    const seeded = await spaceWithWork();
    await addSpaceWebhook(userActor(seeded.admin), seeded.space.id, { kind: 'dingtalk', name: '项目群', url: robot.url, secret: 'SEC-test' });
    const mailsBefore = smtp.mails.length;
    const postsBefore = robot.posts.length;
    const now = at('09:30');
    if (database.url) {
      // Two real processes on one Postgres database.
      const runOnce = () => new Promise<string>((resolve, reject) => {
        const child = spawn(path.resolve('node_modules/.bin/tsx'), ['tests/support/run-jobs-once.ts'], {
          env: { ...process.env, DATABASE_URL: database.url, JOBS_NOW: now.toISOString() }, stdio: ['ignore', 'pipe', 'inherit'],
        });
        let out = '';
        child.stdout.on('data', (chunk) => (out += chunk));
        child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
      });
      await Promise.all([runOnce(), runOnce()]);
    } else {
      // The embedded database serves one process: two workers race inside it.
      await Promise.all([runDueDigests(now), runDueDigests(now)]);
      await Promise.all([deliverDue(now), deliverDue(now)]);
    }
    const mails = smtp.mails.slice(mailsBefore).filter((m) => m.subject?.includes(seeded.space.name));
    const recipients = mails.map((m) => (Array.isArray(m.to) ? m.to : [m.to]).flatMap((to) => to?.value.map((v) => v.address) ?? []));
    expect(recipients.flat().sort()).toEqual([seeded.owner.email, seeded.participant.email].sort());
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(2);
    const posts = robot.posts.slice(postsBefore);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.url).toMatch(/timestamp=\d+&sign=/);
    expect(JSON.stringify(posts[0]!.body)).toContain('提交预算表');
    expect(await digestsOf(seeded.space.id)).toHaveLength(2);
  });

  it('retries a failing robot with backoff and shows the failure to the space admins', async () => {
    const seeded = await spaceWithWork();
    const failing = await startWebhookReceiver(() => ({ status: 200, body: { errcode: 310000, errmsg: 'sign not match' } }));
    try {
      await addSpaceWebhook(userActor(seeded.admin), seeded.space.id, { kind: 'dingtalk', name: '坏机器人', url: failing.url, secret: 'wrong' });
      await runDueDigests(at('10:00'));
      await deliverDue(at('10:00'));
      const [row] = await database.handle.db.select().from(deliveries).where(eq(deliveries.target, (await listSpaceDeliveries(userActor(seeded.admin), seeded.space.id, 'pending')).find((d) => d.channel === 'webhook')!.target));
      expect(row).toMatchObject({ status: 'pending', attempts: 1 });
      expect(row!.lastError).toContain('sign not match');
      expect(row!.nextAttemptAt.getTime()).toBe(at('10:01').getTime());
      // Not due yet: nothing is sent; then each try fails until it gives up.
      expect((await deliverDue(at('10:00'))).failed).toBe(0);
      for (const minutes of [1, 6, 36, 156, 516]) await deliverDue(new Date(at('10:00').getTime() + minutes * 60_000));
      const failed = await listSpaceDeliveries(userActor(seeded.admin), seeded.space.id, 'failed');
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({ channel: 'webhook', attempts: 6 });
      expect(failing.posts).toHaveLength(6);
      expect((await rejection(listSpaceDeliveries(userActor(seeded.participant), seeded.space.id))).status).toBe(403);
    } finally {
      await failing.close();
    }
  });

  it('refuses robot addresses on link-local or metadata hosts, and malformed schedules with field errors', async () => {
    const seeded = await spaceWithWork();
    const admin = userActor(seeded.admin);
    const metadata = await rejection(addSpaceWebhook(admin, seeded.space.id, { kind: 'feishu', name: '元数据', url: 'http://169.254.169.254/latest/meta-data' }));
    expect(metadata.fieldErrors).toEqual({ url: ['webhookAddressRefused'] });
    const scheme = await rejection(addSpaceWebhook(admin, seeded.space.id, { kind: 'wecom', name: '文件', url: 'file:///etc/passwd' }));
    expect(scheme.fieldErrors).toEqual({ url: ['urlInvalid'] });
    const bad = await rejection(saveDigestSchedule(admin, seeded.space.id, { timeOfDay: '25:00', daysOfWeek: [], audiences: [], timeZone: 'Mars/Base' }));
    expect(bad.fieldErrors).toEqual({ timeOfDay: ['timeOfDayInvalid'], daysOfWeek: ['daysRequired'], timeZone: ['timeZoneInvalid'], audiences: ['recipientsRequired'] });
    expect((await rejection(saveDigestSchedule(userActor(seeded.participant), seeded.space.id, { timeOfDay: '09:00', daysOfWeek: [1], audiences: ['admins'] }))).status).toBe(403);
  });
});
