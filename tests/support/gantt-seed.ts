import type { Database } from '@/db/client';
import { taskDependencies, tasks, type NewTask } from '@/db/schema';
import { addDays } from '@/lib/dates';
import { TASK_STATUSES, type TaskStatus } from '@/lib/tasks/rules';
import { seededRandom } from './seeded-random';

export interface GanttSeedOptions {
  spaceId: string;
  /** Members of the space the tasks are assigned to, in turn. */
  assigneeIds: readonly string[];
  /** How many tasks and finish-to-start dependencies to create. */
  tasks: number;
  dependencies: number;
  /** The first task's start; the plan spreads over about a year from it. */
  startDate?: string;
  /** Same seed, same plan. */
  seed?: number;
  /** The status of the task at an index (from 0); random when absent. A board benchmark fills one column with it. */
  statusOf?: (index: number) => TaskStatus;
}

const WORDS = ['需求调研', '方案评审', '原型设计', '接口联调', '测试用例', '市场分析', '供应商沟通', '上线准备', '培训材料', '数据迁移', '验收测试', '预算复核'];
const CHUNK = 1000;

/**
 * Fills a space with a plan straight through Drizzle, in bulk: `tasks` tasks spread over a year
 * (some milestones, some subtasks, mixed statuses, some without a start date) and `dependencies`
 * finish-to-start edges that all hold (a successor starts after its predecessor is due). For
 * benchmarks and load tests; services are far too slow for thousands of rows.
 */
export async function seedGanttPlan(db: Database, options: GanttSeedOptions): Promise<{ taskIds: string[] }> {
  const next = seededRandom(options.seed ?? 1);
  const first = options.startDate ?? '2026-01-05';
  const rows: (NewTask & { id: string; startDate: string | null; dueDate: string })[] = [];
  for (let i = 0; i < options.tasks; i++) {
    const offset = Math.floor((i / Math.max(1, options.tasks)) * 360 + next() * 20);
    const isMilestone = i % 50 === 49;
    const length = isMilestone ? 0 : Math.floor(next() * 12);
    const start = addDays(first, offset);
    const parentIndex = i % 10 !== 0 ? i - (i % 10) : -1;
    const randomStatus = TASK_STATUSES[Math.floor(next() * TASK_STATUSES.length)]!;
    rows.push({
      id: crypto.randomUUID(),
      spaceId: options.spaceId,
      number: i + 1,
      name: `${WORDS[i % WORDS.length]} ${i + 1}`,
      status: options.statusOf?.(i) ?? randomStatus,
      startDate: isMilestone || i % 7 === 3 ? null : start,
      dueDate: addDays(start, length),
      assigneeId: options.assigneeIds[i % options.assigneeIds.length]!,
      isMilestone,
      rank: i,
    });
    if (parentIndex >= 0 && next() < 0.5) rows[i]!.parentId = rows[parentIndex]!.id;
  }
  const edges = new Map<string, { spaceId: string; taskId: string; dependsOnId: string }>();
  // Candidates are tasks due before the successor starts, so every edge already holds.
  for (let attempts = 0; edges.size < options.dependencies && attempts < options.dependencies * 50; attempts++) {
    const to = 1 + Math.floor(next() * (rows.length - 1));
    const from = Math.max(0, to - 1 - Math.floor(next() * 60));
    const successor = rows[to]!;
    const predecessor = rows[from]!;
    if (predecessor.dueDate >= (successor.startDate ?? successor.dueDate)) continue;
    edges.set(`${successor.id}:${predecessor.id}`, { spaceId: options.spaceId, taskId: successor.id, dependsOnId: predecessor.id });
  }
  for (let i = 0; i < rows.length; i += CHUNK) await db.insert(tasks).values(rows.slice(i, i + CHUNK));
  const edgeRows = [...edges.values()];
  for (let i = 0; i < edgeRows.length; i += CHUNK) await db.insert(taskDependencies).values(edgeRows.slice(i, i + CHUNK));
  return { taskIds: rows.map((r) => r.id) };
}
