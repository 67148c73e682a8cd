import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Transaction } from '@/db/client';
import { tasks, users, type Task } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { env } from '@/lib/env';
import { Invalid } from '@/lib/errors';
import { authorizeSpace } from '@/lib/spaces/access';
import { formBoolean, parseInput } from '@/lib/validation';
import { TASK_STATUSES, type TaskPriority, type TaskStatus } from './rules';
import { taskFilterConditions } from './queries';
import { taskIssueSchema, taskStatusSchema, type ParsedTaskListFilters } from './schema';
import { authorizeTask, nextRank, taskSnapshot } from './service';
import { applyStatusChange } from './status';
import { announceTaskChanges } from './events';
import { notifyTaskPeople } from './notify';

/**
 * Cards a board column holds at most (2,000 unless configured): a safety cap, as the browser renders
 * only the cards in view. The column's count still says how many there are; the list has the rest.
 */
export const BOARD_COLUMN_LIMIT = env.BOARD_COLUMN_LIMIT;

/** A card on the board: what it shows, nothing more. */
export interface BoardCard {
  id: string;
  number: number;
  name: string;
  priority: TaskPriority;
  status: TaskStatus;
  dueDate: string;
  isMilestone: boolean;
  assigneeName: string;
}

export interface BoardColumn {
  status: TaskStatus;
  /** Cards in the column matching the filters, also those beyond the cap. */
  total: number;
  cards: BoardCard[];
}

type CardTuple = [id: string, number: number, name: string, priority: TaskPriority, dueDate: string, isMilestone: boolean, assigneeName: string];

/**
 * The board: each status column's cards in board order (up to the cap), and how many the column
 * holds. A query per column (Postgres runs them side by side) hands its cards back as one JSON
 * value of tuples: PGlite decodes that far faster than thousands of rows (as for the Gantt chart).
 */
export async function getBoard(actor: Actor, spaceId: string, filters: ParsedTaskListFilters, today: string): Promise<BoardColumn[]> {
  const db = await getDb();
  await authorizeSpace(db, actor, spaceId, 'space.view');
  const conditions = [eq(tasks.spaceId, spaceId), ...taskFilterConditions(filters, today)];
  const readColumn = async (status: TaskStatus): Promise<BoardColumn> => {
    const where = and(...conditions, eq(tasks.status, status));
    const first = db
      .select({
        rank: tasks.rank,
        number: tasks.number,
        card: sql`json_build_array(${tasks.id}, ${tasks.number}, ${tasks.name}, ${tasks.priority}, ${tasks.dueDate}, ${tasks.isMilestone}, ${users.name})`.as('card'),
      })
      .from(tasks)
      .innerJoin(users, eq(users.id, tasks.assigneeId))
      .where(where)
      .orderBy(asc(tasks.rank), asc(tasks.number))
      .limit(BOARD_COLUMN_LIMIT)
      .as('first');
    const [row] = await db
      .select({
        total: sql<number>`(${db.select({ n: count() }).from(tasks).where(where)})`.mapWith(Number),
        cards: sql<string>`coalesce(json_agg(${first.card} order by ${first.rank}, ${first.number}), '[]')::text`,
      })
      .from(first);
    const cards = JSON.parse(row!.cards) as CardTuple[];
    return {
      status,
      total: row!.total,
      cards: cards.map(([id, number, name, priority, dueDate, isMilestone, assigneeName]) => ({ id, number, name, priority, status, dueDate, isMilestone, assigneeName })),
    };
  };
  return Promise.all(TASK_STATUSES.map(readColumn));
}

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
      await notifyTaskPeople(tx, actor, access.space, task, updated!);
    }
    await announceTaskChanges(tx, actor, task.spaceId, [taskId]);
    return updated!;
  });
}
