import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Transaction } from '@/db/client';
import { tasks, users, type Task } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { env } from '@/lib/env';
import { Invalid } from '@/lib/errors';
import { authorizeSpace } from '@/lib/spaces/access';
import { formBoolean, parseInput } from '@/lib/validation';
import { TASK_STATUSES } from './rules';
import { taskFilterConditions } from './queries';
import { taskIssueSchema, taskStatusSchema, type ParsedTaskListFilters } from './schema';
import { authorizeTask, nextRank, taskSnapshot } from './service';
import { applyStatusChange } from './status';
import { announceTaskChanges } from './events';

/** Cards a board column shows at most (200 unless configured); the column's count still says how many there are. */
export const BOARD_COLUMN_LIMIT = env.BOARD_COLUMN_LIMIT;

/** The board: each status column's first cards in board order, and how many the column holds. */
export async function getBoard(actor: Actor, spaceId: string, filters: ParsedTaskListFilters, today: string) {
  const db = await getDb();
  await authorizeSpace(db, actor, spaceId, 'space.view');
  const conditions = [eq(tasks.spaceId, spaceId), ...taskFilterConditions(filters, today)];
  const [counts, ...columns] = await Promise.all([
    db.select({ status: tasks.status, n: count() }).from(tasks).where(and(...conditions)).groupBy(tasks.status),
    ...TASK_STATUSES.map((status) =>
      db
        .select({
          id: tasks.id, number: tasks.number, name: tasks.name, priority: tasks.priority, status: tasks.status,
          dueDate: tasks.dueDate, isMilestone: tasks.isMilestone, assigneeName: users.name,
        })
        .from(tasks)
        .innerJoin(users, eq(users.id, tasks.assigneeId))
        .where(and(...conditions, eq(tasks.status, status)))
        .orderBy(asc(tasks.rank), asc(tasks.number))
        .limit(BOARD_COLUMN_LIMIT)),
  ]);
  return TASK_STATUSES.map((status, i) => ({ status, total: counts.find((c) => c.status === status)?.n ?? 0, cards: columns[i]! }));
}
export type BoardColumn = Awaited<ReturnType<typeof getBoard>>[number];
export type BoardCard = BoardColumn['cards'][number];

export const moveTaskSchema = z.object({
  status: taskStatusSchema,
  /** The card it now sits after, and the one before, in the target column (either may be absent at an end). */
  afterId: z.uuid('taskUnknown').nullable().optional(),
  beforeId: z.uuid('taskUnknown').nullable().optional(),
  issue: taskIssueSchema.optional(),
  resolution: z.string().trim().max(2000, 'tooLong').nullable().optional(),
  keepIssueOpen: formBoolean.optional(),
});
export type MoveTaskInput = Partial<z.input<typeof moveTaskSchema>>;

/** Below this gap between neighbours, the column is renumbered before a card goes in between. */
const MIN_RANK_GAP = 1e-6;

async function renumberColumn(tx: Transaction, spaceId: string, status: Task['status']) {
  const rows = await tx.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.spaceId, spaceId), eq(tasks.status, status))).orderBy(asc(tasks.rank), asc(tasks.number));
  for (const [index, row] of rows.entries()) await tx.update(tasks).set({ rank: index + 1 }).where(eq(tasks.id, row.id));
}

async function neighbourRanks(tx: Transaction, spaceId: string, status: Task['status'], ids: string[]) {
  if (!ids.length) return new Map<string, number>();
  const rows = await tx.select({ id: tasks.id, rank: tasks.rank }).from(tasks).where(and(eq(tasks.spaceId, spaceId), eq(tasks.status, status), inArray(tasks.id, ids)));
  if (rows.length !== ids.length) throw Invalid({ afterId: ['taskUnknown'] });
  return new Map(rows.map((r) => [r.id, r.rank]));
}

/** The rank that puts a card between two neighbours of a column (or at an end). */
async function rankBetween(tx: Transaction, spaceId: string, status: Task['status'], afterId?: string | null, beforeId?: string | null): Promise<number> {
  const ids = [afterId, beforeId].filter((id): id is string => Boolean(id));
  let ranks = await neighbourRanks(tx, spaceId, status, ids);
  const after = afterId ? ranks.get(afterId) : undefined;
  const before = beforeId ? ranks.get(beforeId) : undefined;
  if (after !== undefined && before !== undefined && before - after < MIN_RANK_GAP) {
    await renumberColumn(tx, spaceId, status);
    ranks = await neighbourRanks(tx, spaceId, status, ids);
  }
  const a = afterId ? ranks.get(afterId) : undefined;
  const b = beforeId ? ranks.get(beforeId) : undefined;
  if (a !== undefined && b !== undefined) return (a + b) / 2;
  if (a !== undefined) return a + 1;
  if (b !== undefined) return b - 1;
  return nextRank(tx, spaceId, status);
}

/**
 * Drops a card on the board: into a column (a status change, with the issue-tracking rules of any
 * status change) and between two cards. Observers and archived spaces are refused like any change.
 */
export async function moveTask(actor: Actor, taskId: string, input: MoveTaskInput): Promise<Task> {
  const data = parseInput(moveTaskSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { task, access } = await authorizeTask(tx, actor, taskId, 'task.changeStatus');
    const statusColumns = data.status !== task.status || data.issue ? await applyStatusChange(tx, actor, task, data) : {};
    const rank = await rankBetween(tx, task.spaceId, data.status, data.afterId === taskId ? null : data.afterId, data.beforeId === taskId ? null : data.beforeId);
    const [updated] = await tx.update(tasks).set({ ...statusColumns, rank }).where(and(eq(tasks.id, taskId), eq(tasks.spaceId, task.spaceId))).returning();
    if (data.status !== task.status) {
      await recordAudit(tx, actor, {
        organizationId: access.space.organizationId, spaceId: task.spaceId, action: 'task.update', targetType: 'task', targetId: taskId,
        data: { before: taskSnapshot(task), after: taskSnapshot(updated!) },
      });
    }
    await announceTaskChanges(tx, actor, task.spaceId, [taskId]);
    return updated!;
  });
}
