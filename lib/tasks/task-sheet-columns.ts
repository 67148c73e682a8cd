import type { SheetLayout } from '@/lib/sheets/columns';
import { fromLabel } from '@/lib/sheets/columns';
import { TASK_SHEET_MAX_ROWS, type TaskPriority, type TaskStatus } from './rules';

// The 跨部门任务表 is a file format people exchange across departments, not UI text: its sheet
// name, headers and labels stay the same whatever the reader's language, because importing
// matches on them. They are defined here once, for writing and for reading.

export const TASK_SHEET_NAME = '跨部门任务表';

export type TaskSheetColumnKey =
  | 'number' | 'name' | 'assignee' | 'helpers' | 'department' | 'priority' | 'dueDate' | 'status'
  | 'deliverable' | 'notes' | 'startDate' | 'deliveryStandard';

export const PRIORITY_LABELS: Record<TaskPriority, string> = { high: '高', medium: '中', low: '低' };
export const STATUS_LABELS: Record<TaskStatus, string> = { todo: '待开始', in_progress: '进行中', done: '已完成', blocked: '阻塞' };

/** The columns in the order they are written: the ten of the usual table, then two that help a round trip. */
export const TASK_SHEET: SheetLayout<TaskSheetColumnKey> = {
  name: TASK_SHEET_NAME,
  maxRows: TASK_SHEET_MAX_ROWS,
  columns: [
    { key: 'number', header: '编号', kind: 'number', width: 8 },
    { key: 'name', header: '任务名称', kind: 'text', required: true, width: 36, wrap: true },
    { key: 'assignee', header: '负责人', kind: 'text', required: true, width: 12 },
    { key: 'helpers', header: '协助人', kind: 'text', width: 20 },
    { key: 'department', header: '所属部门', aliases: ['部门'], kind: 'text', width: 16 },
    { key: 'priority', header: '优先级', kind: 'text', width: 9, choices: Object.values(PRIORITY_LABELS) },
    { key: 'dueDate', header: '截止时间', aliases: ['截止日期'], kind: 'date', required: true, width: 13 },
    { key: 'status', header: '状态', kind: 'text', width: 10, choices: Object.values(STATUS_LABELS) },
    { key: 'deliverable', header: '交付成果', aliases: ['交付物'], kind: 'text', width: 28, wrap: true },
    { key: 'notes', header: '备注', kind: 'text', width: 28, wrap: true },
    { key: 'startDate', header: '开始时间', aliases: ['开始日期'], kind: 'date', width: 13 },
    { key: 'deliveryStandard', header: '交付标准', kind: 'text', width: 36, wrap: true },
  ],
};

/** 高/中/低 or high/medium/low as the stored value; anything else is returned as written, for the schema to refuse. */
export const priorityFromLabel = (text: string) => fromLabel(PRIORITY_LABELS, text);
/** 待开始/进行中/已完成/阻塞 or the API's values; anything else is returned as written. */
export const statusFromLabel = (text: string) => fromLabel(STATUS_LABELS, text);
