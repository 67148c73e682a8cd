import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { departments, tasks, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { todayFor } from '@/lib/org/time-zone';
import { richTextToPlainText } from '@/lib/rich-text/document';
import { sheetFileName } from '@/lib/sheets/file-name';
import { authorizeSpace } from '@/lib/spaces/access';
import { parseInput } from '@/lib/validation';
import { helpersOf, taskFilterConditions } from './queries';
import { taskListFiltersSchema, type TaskListFilters } from './schema';
import { TASK_SHEET_NAME } from './task-sheet-columns';
import { writeTaskSheet, type TaskSheetRow } from './task-sheet';

/**
 * The space's 跨部门任务表 as an .xlsx file: every task (or those matching the list filters), in
 * 编号 order, for anyone who may see the space.
 */
export async function exportTaskTable(
  actor: Actor,
  spaceId: string,
  filters: TaskListFilters = {},
  today = todayFor(null),
): Promise<{ bytes: Buffer; fileName: string }> {
  const parsed = parseInput(taskListFiltersSchema, filters);
  const db = await getDb();
  const { space } = await authorizeSpace(db, actor, spaceId, 'space.view');
  const rows = await db
    .select({
      id: tasks.id, number: tasks.number, name: tasks.name, assignee: users.name, department: departments.name,
      priority: tasks.priority, dueDate: tasks.dueDate, status: tasks.status, deliverable: tasks.deliverable,
      notes: tasks.notes, startDate: tasks.startDate, deliveryStandard: tasks.deliveryStandard,
    })
    .from(tasks)
    .innerJoin(users, eq(users.id, tasks.assigneeId))
    .leftJoin(departments, eq(departments.id, tasks.departmentId))
    .where(and(eq(tasks.spaceId, spaceId), ...taskFilterConditions(parsed, today)))
    .orderBy(asc(tasks.number));
  const helpers = await helpersOf(rows.map((row) => row.id));
  const sheetRows: TaskSheetRow[] = rows.map(({ id, deliveryStandard, ...row }) => ({
    ...row,
    helpers: (helpers.get(id) ?? []).map((helper) => helper.name),
    deliveryStandard: richTextToPlainText(deliveryStandard) || null,
  }));
  return { bytes: await writeTaskSheet(sheetRows), fileName: sheetFileName(TASK_SHEET_NAME, space.name, today) };
}
