import type { RowProblem } from '@/lib/errors';
import { richTextToPlainText, type RichTextDoc } from '@/lib/rich-text/document';
import { cellDate, cellPositiveInteger } from '@/lib/sheets/cells';
import { indexByName, matchName, splitNames, type Named } from '@/lib/sheets/names';
import {
  missingColumns, reportSchemaIssues, rowReader, schemaProblemKeys, sheetProblem, type RowReader as SheetRowReader,
} from '@/lib/sheets/row-reader';
import type { TaskPriority, TaskStatus } from './rules';
import { createTaskSchema } from './schema';
import { priorityFromLabel, statusFromLabel, TASK_SHEET, type TaskSheetColumnKey } from './task-sheet-columns';
import type { ReadTaskSheet } from './task-sheet';

// Turns the rows of an imported sheet into the tasks to create and the changes to make, or into
// every problem found. Pure: the service loads what it needs once and writes the plan in bulk.

/** A task of the space as the import compares rows with it. */
export interface ExistingTask {
  id: string;
  number: number;
  name: string;
  priority: TaskPriority;
  status: TaskStatus;
  startDate: string | null;
  dueDate: string;
  assigneeId: string;
  departmentId: string | null;
  deliverable: string | null;
  notes: string | null;
  deliveryStandard: unknown;
  /** Without the assignee. */
  helperIds: string[];
}

export interface ImportContext {
  /** Members of the space, whom new rows may name. */
  members: readonly (Named & { departmentId: string | null })[];
  /** Names of everyone the space's tasks refer to, members or not. */
  nameOf: (userId: string) => string | undefined;
  departments: readonly Named[];
  tasks: readonly ExistingTask[];
}

/** The columns a sheet row sets. */
export interface TaskFields {
  name: string;
  priority: TaskPriority;
  status: TaskStatus;
  startDate: string | null;
  dueDate: string;
  assigneeId: string;
  departmentId: string | null;
  deliverable: string | null;
  notes: string | null;
  deliveryStandard: RichTextDoc | null;
}

export interface PlannedCreate {
  row: number;
  fields: TaskFields;
  helperIds: string[];
}

export interface PlannedUpdate {
  /** Null for a task moved later only because a task it waits on moved. */
  row: number | null;
  task: ExistingTask;
  /** Only what differs from the task. */
  changes: Partial<TaskFields>;
  /** The new helpers, when they differ. */
  helperIds?: string[];
}

export interface TaskImportPlan {
  problems: RowProblem[];
  creates: PlannedCreate[];
  updates: SheetUpdate[];
  unchanged: number;
}

/** An update a row asks for. */
export type SheetUpdate = PlannedUpdate & { row: number };

const problemKey = (key: string) => `taskTable.problems.${key}`;

/** The task schemas' messages a sheet row can run into, besides the shared ones. */
const schemaProblemKey = schemaProblemKeys('taskTable', [
  'tooMany', 'dueBeforeStart', 'taskPriorityInvalid', 'taskStatusInvalid', 'assigneeRequired', 'assigneeOnlyOne', 'richTextInvalid',
]);

/** The sheet column of each field of createTaskSchema. */
const COLUMN_OF_FIELD: Record<string, TaskSheetColumnKey> = {
  name: 'name', assigneeId: 'assignee', helperIds: 'helpers', departmentId: 'department', priority: 'priority', status: 'status',
  startDate: 'startDate', dueDate: 'dueDate', deliverable: 'deliverable', notes: 'notes', deliveryStandard: 'deliveryStandard',
};

const COMPARED_FIELDS = ['name', 'priority', 'status', 'startDate', 'dueDate', 'assigneeId', 'departmentId', 'deliverable', 'notes'] as const;

type RowReader = SheetRowReader<TaskSheetColumnKey>;

/** What rows are matched against, indexed once for the whole sheet. */
function lookupsFor(context: ImportContext) {
  const departmentNames = new Map(context.departments.map((d) => [d.id, d.name]));
  return {
    members: indexByName(context.members),
    nameOf: context.nameOf,
    departments: indexByName(context.departments),
    departmentNameOf: (id: string) => departmentNames.get(id),
    memberDepartment: new Map(context.members.map((m) => [m.id, m.departmentId])),
    byNumber: new Map(context.tasks.map((t) => [t.number, t])),
    /** 编号 already used by an earlier row, and that row. */
    seenNumbers: new Map<number, number>(),
  };
}
type Lookups = ReturnType<typeof lookupsFor>;

/** The task a row's 编号 names; null for a new task; undefined when the number is a problem. */
function existingTask(reader: RowReader, lookups: Lookups): ExistingTask | null | undefined {
  const number = cellPositiveInteger(reader.cell('number'));
  if (number === undefined) return reader.isFlagged('number') ? undefined : null;
  if (number === null) return void reader.report('number', problemKey('numberInvalid'));
  const firstRow = lookups.seenNumbers.get(number);
  if (firstRow) return void reader.report('number', problemKey('numberDuplicate'), { number, firstRow });
  lookups.seenNumbers.set(number, reader.row);
  const task = lookups.byNumber.get(number);
  if (!task) reader.report('number', problemKey('numberUnknown'), { number });
  return task;
}

function person(reader: RowReader, lookups: Lookups, column: 'assignee' | 'helpers', name: string, current: readonly string[]) {
  const match = matchName(lookups.members, name, current, lookups.nameOf);
  if ('id' in match) return match.id;
  reader.report(column, sheetProblem(match.problem === 'unknown' ? 'personUnknown' : 'personAmbiguous'), { name });
  return undefined;
}

/** The assignee as createTaskSchema takes it: one id, or the names written, so the schema can say "only one". */
function assigneeInput(reader: RowReader, lookups: Lookups, task: ExistingTask | null): unknown {
  if (!reader.has('assignee')) return task?.assigneeId;
  const names = splitNames(reader.text('assignee'));
  return names.length === 1 ? person(reader, lookups, 'assignee', names[0]!, task ? [task.assigneeId] : []) : names;
}

function helpersInput(reader: RowReader, lookups: Lookups, task: ExistingTask | null): string[] {
  if (!reader.has('helpers')) return task?.helperIds ?? [];
  const ids = splitNames(reader.text('helpers')).map((name) => person(reader, lookups, 'helpers', name, task?.helperIds ?? []));
  return ids.filter((id): id is string => Boolean(id));
}

/** The department's id; null for none; undefined for a new task's default (the assignee's department). */
function departmentInput(reader: RowReader, lookups: Lookups, task: ExistingTask | null): string | null | undefined {
  if (!reader.has('department')) return task ? task.departmentId : undefined;
  const name = reader.text('department');
  if (!name) return task ? null : undefined;
  const match = matchName(lookups.departments, name, task ? [task.departmentId] : [], lookups.departmentNameOf);
  if ('id' in match) return match.id;
  reader.report('department', sheetProblem(match.problem === 'unknown' ? 'departmentUnknown' : 'departmentAmbiguous'), { name });
  return undefined;
}

/** A row's values in the shape of createTaskSchema; a column the sheet lacks keeps the task's value. */
function rowInput(reader: RowReader, lookups: Lookups, task: ExistingTask | null) {
  const text = (column: TaskSheetColumnKey, current: string | null | undefined) => (reader.has(column) ? reader.text(column) : current ?? undefined);
  const date = (column: TaskSheetColumnKey, current: string | null | undefined) => (reader.has(column) ? cellDate(reader.cell(column)) : current ?? undefined);
  // A blank 优先级 or 状态 leaves an existing task's value; a new task gets the schema's default.
  const choice = (column: 'priority' | 'status', fromLabel: (written: string) => string) => {
    const written = reader.text(column);
    return written ? fromLabel(written) : task?.[column];
  };
  return {
    name: text('name', task?.name),
    assigneeId: assigneeInput(reader, lookups, task),
    helperIds: helpersInput(reader, lookups, task),
    departmentId: departmentInput(reader, lookups, task),
    priority: choice('priority', priorityFromLabel),
    status: choice('status', statusFromLabel),
    dueDate: date('dueDate', task?.dueDate),
    startDate: date('startDate', task?.startDate),
    deliverable: text('deliverable', task?.deliverable),
    notes: text('notes', task?.notes),
    deliveryStandard: reader.has('deliveryStandard') ? reader.text('deliveryStandard') : task?.deliveryStandard,
  };
}

/** Blocking needs an issue entry (a reason and a proposed solution), and leaving 阻塞 needs its outcome: neither fits in a cell. */
function checkStatusChange(reader: RowReader, task: ExistingTask | null, status: string | undefined) {
  if (status === 'blocked' && task?.status !== 'blocked') reader.report('status', problemKey('blockedNeedsIssue'));
  else if (task?.status === 'blocked' && status !== 'blocked') reader.report('status', problemKey('unblockInApp'));
}

/** The fields of a valid row, or nothing when the row has problems (they are in `reader.problems`). */
function readRow(reader: RowReader, lookups: Lookups): { task: ExistingTask | null; fields: TaskFields; helperIds: string[] } | null {
  const task = existingTask(reader, lookups);
  const input = rowInput(reader, lookups, task ?? null);
  const parsed = createTaskSchema.safeParse(input);
  if (!parsed.success) reportSchemaIssues(reader, parsed.error.issues, COLUMN_OF_FIELD, 'name', schemaProblemKey);
  if (!reader.isFlagged('status') && task !== undefined) checkStatusChange(reader, task, input.status);
  if (!parsed.success || reader.problems.length || task === undefined) return null;
  const data = parsed.data;
  const departmentId = data.departmentId === undefined ? (task ? null : lookups.memberDepartment.get(data.assigneeId) ?? null) : data.departmentId;
  return {
    task,
    fields: {
      name: data.name, priority: data.priority, status: data.status, startDate: data.startDate ?? null, dueDate: data.dueDate,
      assigneeId: data.assigneeId, departmentId, deliverable: data.deliverable ?? null, notes: data.notes ?? null,
      deliveryStandard: data.deliveryStandard,
    },
    helperIds: [...new Set(data.helperIds)].filter((id) => id !== data.assigneeId),
  };
}

/** What a row changes in its task: only the fields that differ, and the helpers when they differ. */
function changesOf(task: ExistingTask, fields: TaskFields, helperIds: string[]): Omit<PlannedUpdate, 'row' | 'task'> | null {
  const changes: Partial<TaskFields> = {};
  for (const key of COMPARED_FIELDS) if (fields[key] !== task[key]) Object.assign(changes, { [key]: fields[key] });
  // Formatting a cell cannot hold is kept: the standard changes only when its text does.
  if (richTextToPlainText(fields.deliveryStandard) !== richTextToPlainText(task.deliveryStandard)) changes.deliveryStandard = fields.deliveryStandard;
  const current = new Set(task.helperIds.filter((id) => id !== fields.assigneeId));
  const helpersChanged = current.size !== helperIds.length || helperIds.some((id) => !current.has(id));
  if (!Object.keys(changes).length && !helpersChanged) return null;
  return { changes, ...(helpersChanged ? { helperIds } : {}) };
}

/**
 * Checks every row of an imported sheet and plans the writes: a row with a known 编号 updates that
 * task where it differs, a row without one creates a task. The rules are createTaskSchema's (the
 * form's and the API's); people and departments are matched by exact name.
 */
export function planTaskImport(sheet: ReadTaskSheet, context: ImportContext): TaskImportPlan {
  const plan: TaskImportPlan = { problems: [], creates: [], updates: [], unchanged: 0 };
  const missing = missingColumns(sheet, TASK_SHEET);
  if (missing.length) return { ...plan, problems: missing };
  const lookups = lookupsFor(context);
  for (const sheetRow of sheet.rows) {
    const reader = rowReader(sheetRow, sheet, TASK_SHEET);
    const read = readRow(reader, lookups);
    if (!read) plan.problems.push(...reader.problems);
    else if (!read.task) plan.creates.push({ row: reader.row, fields: read.fields, helperIds: read.helperIds });
    else {
      const update = changesOf(read.task, read.fields, read.helperIds);
      if (update) plan.updates.push({ row: reader.row, task: read.task, ...update });
      else plan.unchanged++;
    }
  }
  return plan;
}
