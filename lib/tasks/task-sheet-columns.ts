import type { TaskPriority, TaskStatus } from './rules';

// The 跨部门任务表 is a file format people exchange across departments, not UI text: its sheet
// name, headers and labels stay the same whatever the reader's language, because importing
// matches on them. They are defined here once, for writing and for reading.

export const TASK_SHEET_NAME = '跨部门任务表';
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type TaskSheetColumnKind = 'number' | 'text' | 'date' | 'priority' | 'status';

export interface TaskSheetColumn {
  key: TaskSheetColumnKey;
  header: string;
  /** Other headers people use for the same column. */
  aliases?: readonly string[];
  kind: TaskSheetColumnKind;
  /** Needed to create a task; a sheet without it is refused. */
  required?: boolean;
  width: number;
}

export type TaskSheetColumnKey =
  | 'number' | 'name' | 'assignee' | 'helpers' | 'department' | 'priority' | 'dueDate' | 'status'
  | 'deliverable' | 'notes' | 'startDate' | 'deliveryStandard';

/** The columns in the order they are written: the ten of the usual table, then two that help a round trip. */
export const TASK_SHEET_COLUMNS: readonly TaskSheetColumn[] = [
  { key: 'number', header: '编号', kind: 'number', width: 8 },
  { key: 'name', header: '任务名称', kind: 'text', required: true, width: 36 },
  { key: 'assignee', header: '负责人', kind: 'text', required: true, width: 12 },
  { key: 'helpers', header: '协助人', kind: 'text', width: 20 },
  { key: 'department', header: '所属部门', aliases: ['部门'], kind: 'text', width: 16 },
  { key: 'priority', header: '优先级', kind: 'priority', width: 9 },
  { key: 'dueDate', header: '截止时间', aliases: ['截止日期'], kind: 'date', required: true, width: 13 },
  { key: 'status', header: '状态', kind: 'status', width: 10 },
  { key: 'deliverable', header: '交付成果', kind: 'text', width: 28 },
  { key: 'notes', header: '备注', kind: 'text', width: 28 },
  { key: 'startDate', header: '开始时间', aliases: ['开始日期'], kind: 'date', width: 13 },
  { key: 'deliveryStandard', header: '交付标准', kind: 'text', width: 36 },
];

export const headerOf = (key: TaskSheetColumnKey): string => TASK_SHEET_COLUMNS.find((c) => c.key === key)!.header;

export const PRIORITY_LABELS: Record<TaskPriority, string> = { high: '高', medium: '中', low: '低' };
export const STATUS_LABELS: Record<TaskStatus, string> = { todo: '待开始', in_progress: '进行中', done: '已完成', blocked: '阻塞' };

/** 负责人 and 协助人 cells list names separated by 、 (what the export writes) or a comma, semicolon or new line. */
export const NAME_SEPARATOR = '、';

export function splitNames(text: string): string[] {
  return text.split(/[、,，;；\n]+/).map((name) => name.trim()).filter(Boolean);
}

// Full-width letters, spaces inside the header and a required-field star (任务名称*) are common in hand-made sheets.
const normalizeHeader = (text: string) => text.normalize('NFKC').replace(/[\s*]/g, '');

/** The column a header cell names, if any. */
export function columnForHeader(text: string): TaskSheetColumn | undefined {
  const header = normalizeHeader(text);
  return TASK_SHEET_COLUMNS.find((c) => c.header === header || c.aliases?.includes(header));
}

function fromLabel<T extends string>(labels: Record<T, string>, text: string): T | string {
  const value = text.trim();
  const byLabel = (Object.keys(labels) as T[]).find((key) => labels[key] === value);
  if (byLabel) return byLabel;
  // The API's values are accepted too (high, in_progress), in any case.
  const byValue = (Object.keys(labels) as T[]).find((key) => key === value.toLowerCase());
  return byValue ?? value;
}

/** 高/中/低 or high/medium/low as the stored value; anything else is returned as written, for the schema to refuse. */
export const priorityFromLabel = (text: string) => fromLabel(PRIORITY_LABELS, text);
/** 待开始/进行中/已完成/阻塞 or the API's values; anything else is returned as written. */
export const statusFromLabel = (text: string) => fromLabel(STATUS_LABELS, text);
