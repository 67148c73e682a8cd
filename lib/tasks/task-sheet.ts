import { dayAsDate } from '@/lib/sheets/cells';
import { NAME_SEPARATOR } from '@/lib/sheets/names';
import { readSheet, writeSheet, type ReadSheet } from '@/lib/sheets/workbook';
import type { TaskPriority, TaskStatus } from './rules';
import { PRIORITY_LABELS, STATUS_LABELS, TASK_SHEET, type TaskSheetColumnKey } from './task-sheet-columns';

/** One task as the sheet shows it: people and the department by name, dates as YYYY-MM-DD. */
export interface TaskSheetRow {
  number: number;
  name: string;
  assignee: string;
  helpers: string[];
  department: string | null;
  priority: TaskPriority;
  dueDate: string;
  status: TaskStatus;
  deliverable: string | null;
  notes: string | null;
  startDate: string | null;
  deliveryStandard: string | null;
}

export type ReadTaskSheet = ReadSheet<TaskSheetColumnKey>;

/** Writes the 跨部门任务表 workbook, with drop-down lists for 优先级 and 状态. */
export async function writeTaskSheet(rows: readonly TaskSheetRow[]): Promise<Buffer> {
  return writeSheet(TASK_SHEET, rows.map((row) => ({
    ...row,
    helpers: row.helpers.join(NAME_SEPARATOR) || null,
    priority: PRIORITY_LABELS[row.priority],
    status: STATUS_LABELS[row.status],
    dueDate: dayAsDate(row.dueDate),
    startDate: row.startDate ? dayAsDate(row.startDate) : null,
    deliverable: row.deliverable || null,
    notes: row.notes || null,
    deliveryStandard: row.deliveryStandard || null,
  })));
}

/** Reads an uploaded 跨部门任务表 into raw rows (see readSheet). */
export const readTaskSheet = (bytes: Uint8Array): Promise<ReadTaskSheet> => readSheet(bytes, TASK_SHEET);
