import { and, eq, exists, ne, sql } from 'drizzle-orm';
import { getDb, type Database, type Transaction } from '@/db/client';
import {
  digestRuns, digestSchedules, notifications, spaceMembers, spaces, spaceWebhooks, taskHelpers, taskIssues, tasks, users,
  type DigestSchedule, type Space,
} from '@/db/schema';
import { signalUsers } from '@/lib/realtime/user-signals';
import { emailEnabled } from './channels/email';
import { awaitingResponsesFor } from '@/lib/comments/overdue';
import { buildDigest, digestRecipients, digestSummary, isEmptyDigest, tasksFor, type DigestTask } from './digest-content';
import { digestEmail, digestRobotMessage } from './digest-messages';
import { dueDigestDate } from './digest-time';
import { queueDeliveries } from './outbox';

async function unfinishedTasks(db: Database, spaceId: string): Promise<DigestTask[]> {
  const rows = await db.select({
    id: tasks.id, number: tasks.number, name: tasks.name, status: tasks.status, dueDate: tasks.dueDate,
    assigneeId: tasks.assigneeId, departmentId: tasks.departmentId,
  }).from(tasks).where(and(eq(tasks.spaceId, spaceId), ne(tasks.status, 'done')));
  if (!rows.length) return [];
  const open = exists(db.select({ one: sql`1` }).from(tasks).where(and(eq(tasks.id, taskHelpers.taskId), eq(tasks.spaceId, spaceId), ne(tasks.status, 'done'))));
  const [helpers, issues] = await Promise.all([
    db.select({ taskId: taskHelpers.taskId, userId: taskHelpers.userId }).from(taskHelpers).where(open),
    db.select({ taskId: taskIssues.taskId, reason: taskIssues.reason, proposedSolution: taskIssues.proposedSolution })
      .from(taskIssues).where(and(eq(taskIssues.spaceId, spaceId), eq(taskIssues.status, 'open'))),
  ]);
  const helpersOf = new Map<string, string[]>();
  for (const h of helpers) helpersOf.set(h.taskId, [...(helpersOf.get(h.taskId) ?? []), h.userId]);
  const issueOf = new Map(issues.map((i) => [i.taskId, { reason: i.reason, proposedSolution: i.proposedSolution }]));
  return rows.map((row) => ({ ...row, helperIds: helpersOf.get(row.id) ?? [], issue: issueOf.get(row.id) ?? null }));
}

async function spaceMembersOf(db: Database, spaceId: string) {
  return db.select({
    userId: users.id, name: users.name, email: users.email, locale: users.locale, timeZone: users.timeZone,
    departmentId: users.departmentId, isAdmin: spaceMembers.isAdmin, muted: spaceMembers.notificationsMuted,
  }).from(spaceMembers).innerJoin(users, eq(users.id, spaceMembers.userId))
    .where(and(eq(spaceMembers.spaceId, spaceId), eq(users.isActive, true)));
}

/**
 * One space's digests for one local day. Every recipient's run row is inserted in one
 * transaction with ON CONFLICT DO NOTHING: of several processes racing, each person's digest is
 * written — notification, email, robot message — by exactly one, and never again that day.
 */
export async function runSpaceDigest(schedule: DigestSchedule, space: Pick<Space, 'id' | 'name' | 'organizationId'>, date: string, now: Date): Promise<number> {
  const db = await getDb();
  const [members, allTasks] = await Promise.all([spaceMembersOf(db, space.id), unfinishedTasks(db, space.id)]);
  const recipients = digestRecipients(members, allTasks, schedule.audiences, schedule.departmentIds);
  if (!recipients.length) return 0;
  const awaiting = await awaitingResponsesFor(db, space.id, recipients.map((r) => r.userId), now);
  const digests = recipients.map((r) => buildDigest(r.userId, tasksFor(r, allTasks, schedule.audiences, schedule.departmentIds), awaiting.get(r.userId) ?? [], date));
  const byUser = new Map(members.map((m) => [m.userId, m]));
  const names = new Map(members.map((m) => [m.userId, m.name]));

  return db.transaction(async (tx) => {
    const won = await tx.insert(digestRuns)
      .values(digests.map((d) => ({ spaceId: space.id, userId: d.userId, runDate: date, summary: digestSummary(d) })))
      .onConflictDoNothing().returning({ userId: digestRuns.userId });
    const winners = new Set(won.map((w) => w.userId));
    // Muted spaces and days with nothing to say send nothing; the run row still marks the day done.
    const sending = digests.filter((d) => winners.has(d.userId) && !isEmptyDigest(d) && !byUser.get(d.userId)!.muted);
    if (sending.length) {
      await tx.insert(notifications).values(sending.map((d) => ({
        userId: d.userId, organizationId: space.organizationId, spaceId: space.id, kind: 'digest.daily' as const, important: true,
        data: { ...digestSummary(d), spaceName: space.name, date }, href: `/spaces/${space.id}/tasks`, dedupeKey: `digest:${space.id}:${date}:${d.userId}`,
      }))).onConflictDoNothing({ target: notifications.dedupeKey });
      if (emailEnabled()) {
        await queueDeliveries(tx, { organizationId: space.organizationId, spaceId: space.id }, sending.map((d) => {
          const reader = byUser.get(d.userId)!;
          return {
            channel: 'email' as const, target: reader.email, idempotencyKey: `digest:${space.id}:${date}:email:${d.userId}`,
            payload: digestEmail(d, { spaceId: space.id, spaceName: space.name, date, locale: reader.locale }),
          };
        }), now);
      }
      await signalUsers(tx, sending.map((d) => d.userId));
    }
    if (winners.size) await queueRobotDigest(tx, space, date, allTasks, names, now);
    return sending.length;
  });
}

/** The space's own summary to each of its group robots, once a day (the key sees to it). */
async function queueRobotDigest(tx: Transaction, space: Pick<Space, 'id' | 'name' | 'organizationId'>, date: string, allTasks: DigestTask[], names: Map<string, string>, now: Date) {
  const robots = await tx.select({ id: spaceWebhooks.id }).from(spaceWebhooks).where(eq(spaceWebhooks.spaceId, space.id));
  if (!robots.length) return;
  const digest = buildDigest('space', allTasks, [], date);
  if (isEmptyDigest(digest)) return;
  const message = digestRobotMessage(digest, { spaceId: space.id, spaceName: space.name, date, locale: null, names });
  await queueDeliveries(tx, { organizationId: space.organizationId, spaceId: space.id }, robots.map((robot) => ({
    channel: 'webhook' as const, target: robot.id, idempotencyKey: `digest:${space.id}:${date}:robot:${robot.id}`, payload: message,
  })), now);
}

/**
 * Sends every digest that is due at `now` and not yet sent today: the periodic job calls it each
 * minute in every process, and tests call it with the clock they want.
 */
export async function runDueDigests(now = new Date()): Promise<{ spaces: number; notified: number }> {
  const db = await getDb();
  const due = await db.select({ schedule: digestSchedules, space: { id: spaces.id, name: spaces.name, organizationId: spaces.organizationId } })
    .from(digestSchedules).innerJoin(spaces, eq(spaces.id, digestSchedules.spaceId))
    .where(and(eq(digestSchedules.enabled, true), eq(spaces.status, 'active')));
  const tally = { spaces: 0, notified: 0 };
  for (const { schedule, space } of due) {
    const date = dueDigestDate(schedule, now);
    if (!date) continue;
    // A space's runs commit together: any row for the day means the space is done.
    const [done] = await db.select({ one: sql`1` }).from(digestRuns).where(and(eq(digestRuns.spaceId, space.id), eq(digestRuns.runDate, date))).limit(1);
    if (done) continue;
    tally.spaces += 1;
    tally.notified += await runSpaceDigest(schedule, space, date, now);
  }
  return tally;
}
