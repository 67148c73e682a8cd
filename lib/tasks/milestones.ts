import { and, asc, eq, max, sql } from 'drizzle-orm';
import { getDb, type Database, type Transaction } from '@/db/client';
import { milestones, tasks, users, type Milestone } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { NotFound } from '@/lib/errors';
import { authorizeSpace } from '@/lib/spaces/access';
import { isUuid, parseInput } from '@/lib/validation';
import { assertSpaceMembers } from '@/lib/spaces/guards';
import { computeRisk } from './risk';
import { milestoneSchema, type MilestoneInput } from './schema';

async function validMilestone(tx: Transaction, spaceId: string, input: MilestoneInput) {
  const data = parseInput(milestoneSchema, input);
  if (data.ownerId) await assertSpaceMembers(tx, spaceId, [data.ownerId], 'ownerId', 'ownerNotMember');
  return {
    phase: data.phase ?? '',
    name: data.name,
    plannedDate: data.plannedDate,
    actualDate: data.actualDate ?? null,
    ownerId: data.ownerId ?? null,
    delayReason: data.delayReason ?? null,
    riskOverride: data.riskOverride ?? null,
  };
}

/** Adds a row to the project progress table (owners and space admins). */
export async function createMilestone(actor: Actor, spaceId: string, input: MilestoneInput): Promise<Milestone> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { space } = await authorizeSpace(tx, actor, spaceId, 'milestone.manage', { lock: true });
    const values = await validMilestone(tx, spaceId, input);
    const [last] = await tx.select({ p: max(milestones.position) }).from(milestones).where(eq(milestones.spaceId, spaceId));
    const [row] = await tx.insert(milestones).values({ ...values, spaceId, position: (last?.p ?? 0) + 1 }).returning();
    await recordAudit(tx, actor, { organizationId: space.organizationId, spaceId, action: 'milestone.create', targetType: 'milestone', targetId: row!.id, data: { after: values } });
    return row!;
  });
}

async function authorizeMilestone(tx: Transaction, actor: Actor, milestoneId: string) {
  if (!isUuid(milestoneId)) throw NotFound();
  const [found] = await tx.select({ spaceId: milestones.spaceId }).from(milestones).where(eq(milestones.id, milestoneId));
  if (!found) throw NotFound();
  const { space } = await authorizeSpace(tx, actor, found.spaceId, 'milestone.manage', { lock: true });
  const [row] = await tx.select().from(milestones).where(and(eq(milestones.id, milestoneId), eq(milestones.spaceId, space.id)));
  if (!row) throw NotFound();
  return { space, row };
}

/** Replaces a row's fields (the edit form sends them all). */
export async function updateMilestone(actor: Actor, milestoneId: string, input: MilestoneInput): Promise<Milestone> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { space, row } = await authorizeMilestone(tx, actor, milestoneId);
    const values = await validMilestone(tx, space.id, input);
    const [updated] = await tx.update(milestones).set(values).where(and(eq(milestones.id, milestoneId), eq(milestones.spaceId, space.id))).returning();
    await recordAudit(tx, actor, {
      organizationId: space.organizationId, spaceId: space.id, action: 'milestone.update', targetType: 'milestone', targetId: milestoneId,
      data: { before: { name: row.name, plannedDate: row.plannedDate, actualDate: row.actualDate, riskOverride: row.riskOverride }, after: values },
    });
    return updated!;
  });
}

/** Removes a row; tasks linked to it keep existing, unlinked. */
export async function deleteMilestone(actor: Actor, milestoneId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { space, row } = await authorizeMilestone(tx, actor, milestoneId);
    await tx.delete(milestones).where(and(eq(milestones.id, milestoneId), eq(milestones.spaceId, space.id)));
    await recordAudit(tx, actor, { organizationId: space.organizationId, spaceId: space.id, action: 'milestone.delete', targetType: 'milestone', targetId: milestoneId, data: { before: { name: row.name } } });
  });
}

/** The progress table's rows with their owner and the counts of their linked tasks, in table order. */
export async function progressRows(executor: Database | Transaction, spaceId: string, today: string) {
  const linked = executor
    .select({
      milestoneId: tasks.milestoneId,
      total: sql<number>`count(*)::int`.as('total'),
      done: sql<number>`count(*) filter (where ${tasks.status} = 'done')::int`.as('done'),
      blocked: sql<number>`count(*) filter (where ${tasks.status} = 'blocked')::int`.as('blocked'),
      overdue: sql<number>`count(*) filter (where ${tasks.status} <> 'done' and ${tasks.dueDate} < ${today})::int`.as('overdue'),
    })
    .from(tasks)
    .where(eq(tasks.spaceId, spaceId))
    .groupBy(tasks.milestoneId)
    .as('linked');
  const rows = await executor
    .select({ milestone: milestones, ownerName: users.name, total: linked.total, done: linked.done, blocked: linked.blocked, overdue: linked.overdue })
    .from(milestones)
    .leftJoin(users, eq(users.id, milestones.ownerId))
    .leftJoin(linked, eq(linked.milestoneId, milestones.id))
    .where(eq(milestones.spaceId, spaceId))
    .orderBy(asc(milestones.plannedDate), asc(milestones.position));
  return rows.map((r) => {
    const tasksLinked = { total: r.total ?? 0, done: r.done ?? 0, blocked: r.blocked ?? 0, overdue: r.overdue ?? 0 };
    const computed = computeRisk({ ...r.milestone, blockedTasks: tasksLinked.blocked, overdueTasks: tasksLinked.overdue }, today);
    return { ...r.milestone, ownerName: r.ownerName, tasks: tasksLinked, computedRisk: computed, risk: r.milestone.riskOverride ?? computed };
  });
}
export type ProgressRow = Awaited<ReturnType<typeof progressRows>>[number];

/**
 * The project progress table (项目进度表): each row with its owner, the progress of its linked
 * tasks, the computed risk and the risk shown (an override wins).
 */
export async function listProgress(actor: Actor, spaceId: string, today: string): Promise<ProgressRow[]> {
  const db = await getDb();
  await authorizeSpace(db, actor, spaceId, 'space.view');
  return progressRows(db, spaceId, today);
}
